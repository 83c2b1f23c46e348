"""Statistics: the supervisor's dashboard and its charts."""
