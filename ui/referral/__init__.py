"""Referrals: the referral inbox, a case's referral panel, the referral dialogs and table model."""
