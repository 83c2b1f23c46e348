<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../ui/common/case_actions_reason.py" line="38"/>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="44"/>
        <source>（必填）</source>
        <translation>(required)</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_actions_reason.py" line="38"/>
        <source>（可不填）</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="179"/>
        <location filename="../../ui/common/case_actions_reason.py" line="54"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="39"/>
        <source>批量打印</source>
        <translation>Batch Print</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="44"/>
        <source>同时送打印机（生成后打印全部文件）</source>
        <translation>Also send to a printer (print every file once made)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="47"/>
        <source>PDF 文件保存的文件夹</source>
        <translation>Folder to save the PDF files in</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="48"/>
        <source>选择文件夹…</source>
        <translation>Choose Folder…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="54"/>
        <source>{count} 件（当前列表）</source>
        <translation>{count} cases (current list)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="55"/>
        <location filename="../../ui/documents/document_preview.py" line="101"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="56"/>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="61"/>
        <source>每件案件生成一个 PDF 文件；打印、导出均记入审计日志。</source>
        <translation>One PDF file per case; every print and export is written to the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="67"/>
        <location filename="../../ui/accounts/admin_users.py" line="103"/>
        <location filename="../../ui/accounts/login.py" line="111"/>
        <location filename="../../ui/cases/case_view.py" line="98"/>
        <location filename="../../ui/cases/party_dialog.py" line="151"/>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="99"/>
        <location filename="../../ui/common/case_actions_reason.py" line="56"/>
        <location filename="../../ui/documents/batch_print.py" line="64"/>
        <location filename="../../ui/intake/duplicate_panel.py" line="90"/>
        <location filename="../../ui/mediation/mediation_base.py" line="45"/>
        <location filename="../../ui/setup/server_settings.py" line="75"/>
        <location filename="../../ui/setup/setup_wizard.py" line="55"/>
        <location filename="../../ui/sync/station_open_wizard.py" line="285"/>
        <location filename="../../ui/tasks.py" line="231"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="81"/>
        <source>选择保存文件夹</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="106"/>
        <location filename="../../ui/documents/document_preview.py" line="146"/>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="121"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="129"/>
        <source>已完成 {done} / {total} 件</source>
        <translation>{done} / {total} cases done</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="135"/>
        <source>已取消：已生成 {files} 个文件，共 {total} 件。</source>
        <translation>Cancelled: {files} files written of {total} cases.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="136"/>
        <source>完成：已生成 {files} 个文件，共 {total} 件。</source>
        <translation>Done: {files} files written for {total} cases.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="140"/>
        <source>跳过 {n} 件：</source>
        <translation>Skipped {n}: </translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="163"/>
        <source>已送打印机 {pages} 页。</source>
        <translation> {pages} pages sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="182"/>
        <source>批量打印…</source>
        <translation>Batch Print…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_print.py" line="183"/>
        <source>为当前列表中的每件案件生成文书（默认卷宗）PDF</source>
        <translation>Make a PDF document (the case file by default) for every case in the current list</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_actions_reason.py" line="85"/>
        <location filename="../../ui/error_messages_part1.py" line="150"/>
        <source>请填写{what}。</source>
        <translation>Please fill in {what}.</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_actions_reason.py" line="87"/>
        <source>最多 {max_length} 字。</source>
        <translation>At most {max_length} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="18"/>
        <source>报警时间、处置结果等</source>
        <translation>When the police were called, what they did …</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="19"/>
        <source>送达情况等</source>
        <translation>How it was served …</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="20"/>
        <source>入住情况（保密，只有有权限的人员可见）</source>
        <translation>Stay details (confidential: only authorised staff can see them)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="21"/>
        <source>诊治经过（保密）</source>
        <translation>Treatment (confidential)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="22"/>
        <source>报告时间、报告人、公安机关的处置</source>
        <translation>When reported, by whom, what the police did</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="23"/>
        <source>做了什么（必填）</source>
        <translation>What was done (required)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="31"/>
        <source>记录行动</source>
        <translation>Record action</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="31"/>
        <location filename="../../ui/crisis/crisis_actions.py" line="24"/>
        <source>情况说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="225"/>
        <location filename="../../ui/accounts/settings.py" line="387"/>
        <location filename="../../ui/cases/case_view.py" line="95"/>
        <location filename="../../ui/cases/party_dialog.py" line="149"/>
        <location filename="../../ui/counselling/counselling_dialog.py" line="17"/>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="31"/>
        <location filename="../../ui/mediation/mediation_base.py" line="43"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="148"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="175"/>
        <location filename="../../ui/referral/referral_dialogs.py" line="153"/>
        <location filename="../../ui/referral/referral_panel.py" line="250"/>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="23"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="32"/>
        <source>申请、裁定、作出、送达、变更、延长、违反人身安全保护令，请在“保护令”中登记。</source>
        <translation>Record applications, rulings, issue, service, variation, extension and breaches of protection orders under &quot;Protection orders&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="38"/>
        <source>行动类型</source>
        <translation>Action type</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/audit_log.py" line="30"/>
        <location filename="../../ui/cases/case_history.py" line="51"/>
        <location filename="../../ui/cases/case_timeline.py" line="16"/>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="39"/>
        <location filename="../../ui/crisis/crisis_actions.py" line="24"/>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="35"/>
        <location filename="../../ui/mediation/mediator_sessions.py" line="43"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="67"/>
        <source>该类行动的说明为保密内容。</source>
        <translation>Details of this kind of action are confidential.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="74"/>
        <location filename="../../ui/error_messages_part2.py" line="125"/>
        <source>强制报告须注明报告对象（无民事行为能力人或限制民事行为能力人）及其情况。</source>
        <translation>A mandatory report must name the person reported (without or with limited legal capacity) and their situation.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="76"/>
        <location filename="../../ui/error_messages_part1.py" line="39"/>
        <source>“其他”行动须写明内容。</source>
        <translation>An &quot;Other&quot; action must describe what was done.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_action_dialog.py" line="78"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="78"/>
        <source>时间不能晚于现在。</source>
        <translation>The time cannot be later than now.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="43"/>
        <source>制作调解协议</source>
        <translation>Draw up mediation agreement</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="43"/>
        <source>制作协议</source>
        <translation>Draw up agreement</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="44"/>
        <source>调解协议不完整</source>
        <translation>Mediation agreement incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="45"/>
        <source>书面协议经各方当事人签名、盖章或按指印，调解员签名并加盖调解委员会印章后生效（人民调解法第二十九条）；口头协议自各方达成协议之日起生效（第三十条）。涉及婚姻、亲子、收养等身份关系的条款不能申请司法确认。</source>
        <translation>A written agreement takes effect once signed, sealed or fingerprinted by all parties, signed by the mediator and stamped by the mediation committee (People&apos;s Mediation Law, art. 29); an oral agreement takes effect on the day it is reached (art. 30). Terms on marriage, parentage, adoption or other personal status cannot be submitted for judicial confirmation.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="51"/>
        <source>我已确认：家庭暴力本身不是本协议的条款，本协议不免除、不分担施暴责任，也不以任何条件换取受害人放弃保护手段。</source>
        <translation>I confirm: the violence itself is not a term of this agreement; the agreement neither excuses nor shares the abuser&apos;s responsibility, and does not trade anything for the victim giving up her protection.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="69"/>
        <source>达成时间</source>
        <translation>Reached at</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="70"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="172"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="188"/>
        <source>纠纷的主要事实</source>
        <translation>Main facts of the dispute</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="71"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="103"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="172"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="188"/>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="56"/>
        <source>争议事项</source>
        <translation>Matters in dispute</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="72"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="104"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="173"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="189"/>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="57"/>
        <source>各方责任</source>
        <translation>Responsibilities of each party</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="79"/>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="84"/>
        <source>不涉及金钱的可不填；如 12345.50、12,345.50 或 1.2万</source>
        <translation>Leave empty if no money is involved; e.g. 12345.50, 12,345.50 or 1.2万 (12,000)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="100"/>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="56"/>
        <source>协议形式</source>
        <translation>Form of agreement</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="102"/>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="56"/>
        <source>主要事实</source>
        <translation>Main facts</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="105"/>
        <source>签署当事人</source>
        <translation>Signing parties</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="107"/>
        <source>另列签署人</source>
        <translation>Other signatories</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="108"/>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="59"/>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="109"/>
        <source>涉及金额（元）</source>
        <translation>Amount involved (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="110"/>
        <source>协议内容</source>
        <translation>Terms</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="114"/>
        <source>协议将载明：本协议仅处理上述民事事项，不处理、不免除、不分担家庭暴力的责任；受害人申请人身安全保护令、报警、向人民法院起诉等权利不因本协议受到任何限制。</source>
        <translation>The agreement will state: it settles only the civil matters above and does not deal with, excuse or share responsibility for the domestic violence; the victim&apos;s rights to apply for a personal safety protection order, call the police or sue in court are not limited by it in any way.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="158"/>
        <source>＝ {amount} 元</source>
        <translation>= {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="42"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="143"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="176"/>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="93"/>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="102"/>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="150"/>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="75"/>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="77"/>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="157"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="57"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="73"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="293"/>
        <location filename="../../ui/mediation/mediation_signatures.py" line="79"/>
        <location filename="../../ui/mediation/mediation_tab.py" line="59"/>
        <location filename="../../ui/review/review_table.py" line="66"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="143"/>
        <source>（本案尚无申请人、被申请人或受害人）</source>
        <translation>(This case has no applicant, respondent or victim yet)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="77"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="167"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="68"/>
        <location filename="../../ui/intake/intake_fields.py" line="69"/>
        <location filename="../../ui/intake/intake_fields.py" line="70"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="167"/>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="176"/>
        <source>调解协议须载明：{items}（人民调解法第二十九条）。</source>
        <translation>A mediation agreement must state: {items} (People&apos;s Mediation Law, art. 29).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="209"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="178"/>
        <source>调解协议须有双方当事人签署：请先在案件中添加申请人和被申请人。</source>
        <translation>A mediation agreement must be signed by both parties: first add the applicant and respondent to the case.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="180"/>
        <source>达成口头协议的时间不能晚于现在。</source>
        <translation>The time an oral agreement was reached cannot be later than now.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="190"/>
        <source>第 {n} 条协议内容</source>
        <translation>Term {n}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="196"/>
        <source>本案涉及家庭暴力：请勾选确认家庭暴力本身不是本协议的条款。</source>
        <translation>This case involves domestic violence: please tick the confirmation that the violence itself is not a term of the agreement.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_base.py" line="30"/>
        <source>尚不能保存</source>
        <translation>Cannot save yet</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="21"/>
        <source>协议 {n}（{form}，{state}）</source>
        <translation>Agreement {n} ({form}, {state})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="26"/>
        <source>添加回访</source>
        <translation>Add follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="26"/>
        <source>保存回访</source>
        <translation>Save follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="27"/>
        <source>回访记录保存后不能修改；更正请再添加一次回访。</source>
        <translation>Follow-up records cannot be changed once saved; to correct one, add another follow-up.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="45"/>
        <source>不关联协议</source>
        <translation>Not linked to an agreement</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="51"/>
        <source>协议履行情况，如：男方已按月支付抚养费，双方关系缓和</source>
        <translation>How the agreement is being kept, e.g. the husband pays child support monthly; relations have eased</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="133"/>
        <location filename="../../ui/intake/intake_fields.py" line="139"/>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="55"/>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="98"/>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="127"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="152"/>
        <location filename="../../ui/referral/referral_dialogs.py" line="76"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="58"/>
        <source>备注（可不填）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="59"/>
        <location filename="../../ui/mediation/mediation_followups_panel.py" line="32"/>
        <source>回访时间</source>
        <translation>Follow-up time</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="60"/>
        <location filename="../../ui/mediation/mediation_followups_panel.py" line="32"/>
        <source>回访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="61"/>
        <source>回访方式</source>
        <translation>Follow-up method</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="80"/>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="62"/>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="62"/>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="100"/>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="63"/>
        <location filename="../../ui/mediation/mediation_followups_panel.py" line="32"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="193"/>
        <source>履行情况</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="64"/>
        <location filename="../../ui/mediation/mediation_followups_panel.py" line="32"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_table.py" line="16"/>
        <location filename="../../ui/crisis/protection_order_apply.py" line="70"/>
        <location filename="../../ui/crisis/protection_order_apply.py" line="141"/>
        <location filename="../../ui/crisis/protection_order_steps.py" line="59"/>
        <location filename="../../ui/crisis/protection_order_steps.py" line="86"/>
        <location filename="../../ui/crisis/protection_order_steps.py" line="131"/>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="65"/>
        <location filename="../../ui/mediation/mediation_followups_panel.py" line="32"/>
        <location filename="../../ui/screening/screening_case_dialog.py" line="20"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="175"/>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="73"/>
        <source>请填写回访人。</source>
        <translation>Please fill in who made the follow-up.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="401"/>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="75"/>
        <source>请填写协议履行情况。</source>
        <translation>Please describe how the agreement is being kept.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="77"/>
        <source>请选择满意度。</source>
        <translation>Please choose a satisfaction level.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="79"/>
        <source>回访时间不能晚于现在。</source>
        <translation>The follow-up time cannot be later than now.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="93"/>
        <source>婚姻调解结果</source>
        <translation>Marriage mediation outcome</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="93"/>
        <source>保存结果</source>
        <translation>Save outcome</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="103"/>
        <source>已告知当事人可依法通过以下途径维护自己的权利（人民调解法第二十六条）：</source>
        <translation>The parties were told they may protect their rights by the following lawful routes (People&apos;s Mediation Law, art. 26):</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="108"/>
        <source>本案属婚姻家庭纠纷，依法不能仲裁（仲裁法第三条），无需告知仲裁途径。</source>
        <translation>This is a marriage or family dispute, which cannot go to arbitration (Arbitration Law art. 3); arbitration is not a route to tell the parties.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="112"/>
        <source>记录“调解不成”将终止本案调解，并取消尚未举行的调解安排。</source>
        <translation>Recording &quot;Mediation failed&quot; ends mediation in this case and cancels any sessions not yet held.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="116"/>
        <source>说明（可不填）</source>
        <translation>Explanation (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="118"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="104"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="157"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="149"/>
        <source>调解不成的，须告知当事人可以依法通过其他途径维护自己的权利。尚未确认告知：{items}。</source>
        <translation>When mediation fails, the parties must be told the other routes to protect their rights. Not yet confirmed as told: {items}.</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="45"/>
        <location filename="../../ui/attachments/evidence_tab.py" line="61"/>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="123"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="159"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="195"/>
        <location filename="../../ui/referral/inbox.py" line="117"/>
        <location filename="../../ui/referral/referral_dialogs.py" line="153"/>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="145"/>
        <source>请选择婚姻调解结果。</source>
        <translation>Please choose the marriage mediation outcome.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="68"/>
        <location filename="../../ui/mediation/mediation_followup_dialogs.py" line="152"/>
        <source>“调解成功”须有已生效的调解协议：请先制作协议并完成签署。</source>
        <translation>&quot;Mediation succeeded&quot; requires an agreement in effect: first draw up the agreement and have it signed.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="42"/>
        <location filename="../../ui/mediation/mediation_signatures.py" line="64"/>
        <location filename="../../ui/mediation/mediation_statements.py" line="18"/>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="51"/>
        <source>安排调解</source>
        <translation>Schedule mediation</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="51"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="74"/>
        <source>安排</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="54"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="75"/>
        <source>联合调解（面对面）</source>
        <translation>Joint session (face to face)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="55"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="75"/>
        <source>背对背调解（分别进行）</source>
        <translation>Separate sessions (shuttle)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="60"/>
        <source>例如：郭亮村人民调解室</source>
        <translation>e.g. Guoliang Village People&apos;s Mediation Room</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="70"/>
        <source>空格键勾选或取消</source>
        <translation>Space bar to tick or untick</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="72"/>
        <source>记录人姓名（可不填）</source>
        <translation>Recorder&apos;s name (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="77"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="75"/>
        <source>调解方式</source>
        <translation>Session type</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="78"/>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="133"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="80"/>
        <source>调解时间</source>
        <translation>Mediation time</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="37"/>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="79"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="104"/>
        <location filename="../../ui/mediation/mediator_sessions.py" line="43"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="53"/>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="37"/>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="80"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="76"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="104"/>
        <location filename="../../ui/mediation/mediation_signatures.py" line="69"/>
        <location filename="../../ui/mediation/mediation_statements.py" line="17"/>
        <location filename="../../ui/mediation/mediator_sessions.py" line="43"/>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="128"/>
        <location filename="../../ui/crisis/crisis_actions.py" line="24"/>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="81"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="76"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="104"/>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="82"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="77"/>
        <source>应到当事人</source>
        <translation>Parties expected</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="45"/>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="93"/>
        <source>请填写调解地点。</source>
        <translation>Please fill in the mediation venue.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="95"/>
        <source>没有可选择的调解员（须为您管辖范围内、可办理案件的在岗用户）。</source>
        <translation>No mediators to choose from (they must be active users within your jurisdiction who may handle cases).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="195"/>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="97"/>
        <source>请至少选择一名调解员。</source>
        <translation>Please choose at least one mediator.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="109"/>
        <source>记录调解：{when}</source>
        <translation>Record mediation: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="110"/>
        <source>调解记录不完整</source>
        <translation>Mediation record incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="111"/>
        <source>安排：{when}，{place}；调解员 {names}{recorder}。保存后笔录不能再改。</source>
        <translation>Scheduled: {when}, {place}; mediators {names}{recorder}. The record cannot be changed after saving.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="113"/>
        <source>；记录人 {name}</source>
        <translation>; recorder {name}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="131"/>
        <source>结果说明；调解不成、撤回或拒绝调解时须写明哪一方、因何</source>
        <translation>Outcome details; if mediation failed, was withdrawn or refused, state which party and why</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="134"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="81"/>
        <source>到场当事人</source>
        <translation>Parties present</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="135"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="82"/>
        <source>告知事项</source>
        <translation>Matters explained</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="136"/>
        <source>调解笔录</source>
        <translation>Mediation record</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="139"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="83"/>
        <source>调解结果</source>
        <translation>Mediation outcome</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="140"/>
        <source>结果说明</source>
        <translation>Outcome details</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="157"/>
        <source>调解记录不完整，缺少：{items}。</source>
        <translation>Mediation record incomplete, missing: {items}.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="159"/>
        <source>调解时间不能晚于现在。</source>
        <translation>The mediation time cannot be later than now.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_session_dialogs.py" line="162"/>
        <source>调解结果为“{label}”时须说明情况（如哪一方、因何{label}）。</source>
        <translation>When the outcome is &quot;{label}&quot;, explain the circumstances (e.g. which party, and why: {label}).</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="28"/>
        <source>记录签署：{name}</source>
        <translation>Record signature: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="28"/>
        <source>记录签署</source>
        <translation>Record signature</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="43"/>
        <source>签署方式</source>
        <translation>How signed</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="44"/>
        <source>签署时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="52"/>
        <source>签署时间不能晚于现在。</source>
        <translation>The signing time cannot be later than now.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="71"/>
        <source>签名的调解员</source>
        <translation>Signing mediator</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="90"/>
        <source>申请司法确认</source>
        <translation>Apply for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="90"/>
        <source>记录申请</source>
        <translation>Record application</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="91"/>
        <source>双方当事人自调解协议生效之日起三十日内共同向人民法院申请（人民调解法第三十三条）；本协议 {effective} 生效，申请期限至 {deadline}（含当日）。</source>
        <translation>The parties apply jointly to the People&apos;s Court within 30 days of the agreement taking effect (People&apos;s Mediation Law, art. 33); this agreement took effect on {effective}, so the deadline is {deadline} (inclusive).</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="98"/>
        <source>例如：长沙市望城区人民法院</source>
        <translation>e.g. Wangcheng District People&apos;s Court, Changsha</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="105"/>
        <source>第 {n} 条（{obligor}）：{content}</source>
        <translation>Term {n} ({obligor}): {content}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="118"/>
        <source>申请日期</source>
        <translation>Application date</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="119"/>
        <source>受理法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="120"/>
        <source>不申请确认的条款</source>
        <translation>Terms not submitted for confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="131"/>
        <source>申请日期早于协议生效日期（{day}）。</source>
        <translation>The application date is before the agreement took effect ({day}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="335"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="133"/>
        <source>申请日期不能晚于今天。</source>
        <translation>The application date cannot be later than today.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="135"/>
        <source>已超过司法确认申请期限（{day}）。当事人可就协议履行或内容向人民法院提起诉讼（人民调解法第三十二条）。</source>
        <translation>The deadline for judicial confirmation has passed ({day}). The parties may sue in the People&apos;s Court over the performance or content of the agreement (People&apos;s Mediation Law, art. 32).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="54"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="138"/>
        <source>排除后没有可申请确认的条款。</source>
        <translation>No terms left to submit for confirmation.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="148"/>
        <source>记录司法确认结果</source>
        <translation>Record judicial confirmation result</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="156"/>
        <source>裁定书文号等（可不填）</source>
        <translation>Ruling reference no., etc. (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="158"/>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="166"/>
        <source>请选择司法确认结果。</source>
        <translation>Please choose the judicial confirmation result.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="169"/>
        <source>决定日期须在申请日期（{day}）之后、不晚于今天。</source>
        <translation>The decision date must be after the application date ({day}) and no later than today.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="175"/>
        <source>履行情况：第 {n} 条</source>
        <translation>Performance: term {n}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="176"/>
        <source>{obligor}：{content}</source>
        <translation>{obligor}: {content}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="182"/>
        <source>履行日期</source>
        <translation>Performance date</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="192"/>
        <source>如：已付 3 个月，余款约定下月结清</source>
        <translation>e.g. 3 months paid; the rest agreed for next month</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="35"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="194"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="265"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="220"/>
        <source>“{label}”须填写履行日期。</source>
        <translation>&quot;{label}&quot; requires a performance date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="349"/>
        <source>该安全评估已由 {approved_by_name} 于 {format_local} 批准。</source>
        <translation>This safety screening was approved by {approved_by_name} on {format_local}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="14"/>
        <location filename="../../ui/mediation/mediation_sign_dialogs.py" line="223"/>
        <source>履行日期不能晚于今天。</source>
        <translation>The performance date cannot be later than today.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="46"/>
        <location filename="../../ui/domain_labels.py" line="120"/>
        <source>未婚</source>
        <translation>Single</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="46"/>
        <location filename="../../ui/domain_labels.py" line="121"/>
        <source>已婚</source>
        <translation>Married</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="46"/>
        <source>离异</source>
        <translation>Divorced</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="46"/>
        <location filename="../../ui/domain_labels.py" line="123"/>
        <source>丧偶</source>
        <translation>Widowed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="67"/>
        <location filename="../../ui/cases/party_panel.py" line="38"/>
        <source>编辑当事人</source>
        <translation>Edit party</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="67"/>
        <location filename="../../ui/cases/party_panel.py" line="36"/>
        <source>添加当事人</source>
        <translation>Add party</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="85"/>
        <source>18 位，末位可为 X</source>
        <translation>18 characters; the last may be X</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="87"/>
        <source>手机、座机（如 0731-88888888）</source>
        <translation>Mobile or landline (e.g. 0731-88888888)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="91"/>
        <location filename="../../ui/cases/party_dialog.py" line="96"/>
        <location filename="../../ui/intake/intake_fields.py" line="111"/>
        <location filename="../../ui/intake/intake_fields.py" line="117"/>
        <location filename="../../ui/intake/intake_fields.py" line="121"/>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="102"/>
        <source>完全民事行为能力（未记录）</source>
        <translation>Full civil capacity (nothing recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="105"/>
        <source>成年人不能辨认或不能完全辨认自己行为的，记录在此（民法典第二十一、二十二条）；家暴案件中的此类人员须立即向公安机关强制报告</source>
        <translation>Record here an adult who cannot, or cannot fully, understand their own conduct (Civil Code arts. 21-22); such a person in a domestic-violence case must be reported to the police at once</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="107"/>
        <source>谁认定或记录了该情况</source>
        <translation>Who determined or recorded this</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="109"/>
        <source>如：法院认定、医院诊断、工作人员观察</source>
        <translation>e.g. court declaration, medical diagnosis, staff observation</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="110"/>
        <source>联系方式保密（住址、电话不向无权限人员和对方当事人显示）</source>
        <translation>Keep contact details confidential (address and phone hidden from unauthorised staff and the other party)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="41"/>
        <location filename="../../ui/cases/party_dialog.py" line="117"/>
        <location filename="../../ui/cases/party_table.py" line="15"/>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="52"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="41"/>
        <location filename="../../ui/cases/party_dialog.py" line="117"/>
        <location filename="../../ui/cases/party_table.py" line="15"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="117"/>
        <location filename="../../ui/cases/party_table.py" line="15"/>
        <location filename="../../ui/error_messages_part1.py" line="203"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="118"/>
        <location filename="../../ui/cases/party_table.py" line="15"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="118"/>
        <location filename="../../ui/cases/party_table.py" line="15"/>
        <location filename="../../ui/error_messages_part1.py" line="396"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="118"/>
        <location filename="../../ui/cases/party_table.py" line="16"/>
        <location filename="../../ui/error_messages_part2.py" line="162"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="119"/>
        <location filename="../../ui/cases/party_table.py" line="16"/>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="88"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="119"/>
        <location filename="../../ui/error_messages_part1.py" line="8"/>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="120"/>
        <source>职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="127"/>
        <source>民事行为能力</source>
        <translation>Civil capacity</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="252"/>
        <location filename="../../ui/error_messages_part1.py" line="352"/>
        <source>请填写记录人（谁认定或记录了该情况）。</source>
        <translation>Please enter who recorded it (who determined or recorded this).</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="253"/>
        <location filename="../../ui/error_messages_part2.py" line="53"/>
        <source>请填写依据（如法院认定、医院诊断、工作人员观察）。</source>
        <translation>Please enter the basis (e.g. court declaration, medical diagnosis, staff observation).</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="269"/>
        <location filename="../../ui/intake/intake_form.py" line="339"/>
        <source>请先改正：{errors}</source>
        <translation>Please correct first: {errors}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="271"/>
        <location filename="../../ui/crisis/risk_form.py" line="297"/>
        <location filename="../../ui/intake/intake_form.py" line="331"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="273"/>
        <source>请填写姓名后保存。</source>
        <translation>Please fill in the name, then save.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="333"/>
        <source>该当事人信息</source>
        <translation>This party&apos;s details</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="23"/>
        <source>禁止实施家庭暴力</source>
        <translation>Prohibit domestic violence</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="24"/>
        <source>禁止骚扰、跟踪、接触申请人及其相关近亲属</source>
        <translation>Prohibit harassing, stalking or contacting the applicant and close relatives</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="25"/>
        <source>责令迁出申请人住所</source>
        <translation>Order the respondent to move out of the applicant&apos;s home</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="26"/>
        <source>禁止以电话、短信、网络等方式侮辱、诽谤、威胁</source>
        <translation>Prohibit insults, defamation or threats by phone, text, online, etc.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="27"/>
        <source>禁止在申请人住所、学校、单位等场所一定范围内活动</source>
        <translation>Prohibit coming within a set distance of the applicant&apos;s home, school, workplace, etc.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="47"/>
        <source>其他措施（每行一项），如：禁止被申请人接近申请人子女就读的学校</source>
        <translation>Other measures (one per line), e.g. keep the respondent away from the school of the applicant&apos;s children</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="70"/>
        <source>申请人身安全保护令</source>
        <translation>Apply for a personal safety protection order</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="70"/>
        <source>登记申请</source>
        <translation>Record application</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="71"/>
        <source>法院受理后应在 72 小时内作出裁定，情况紧急的 24 小时内（反家庭暴力法第二十八条）；计时自法院受理申请时起。妇联代为申请须依受害人意愿。</source>
        <translation>Once the court accepts the application it must rule within 72 hours, or within 24 hours if urgent (Anti-Domestic Violence Law, art. 28), counted from acceptance. The Women&apos;s Federation applies on the victim&apos;s behalf only with her consent.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="73"/>
        <source>如：已提交报警回执、伤情照片、告诫书作为证据</source>
        <translation>e.g. police receipt, injury photos and warning letter submitted as evidence</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="76"/>
        <source>受理申请的人民法院，如：长沙市望城区人民法院</source>
        <translation>The People&apos;s Court accepting the application, e.g. Wangcheng District People&apos;s Court, Changsha</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="79"/>
        <source>情况紧急（法院应在 24 小时内裁定）</source>
        <translation>Urgent (the court must rule within 24 hours)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="80"/>
        <source>受害人同意由妇联代为申请（已记录其意愿）</source>
        <translation>The victim consents to the Women&apos;s Federation applying on her behalf (wishes recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="81"/>
        <source>受害人无法表示同意（无/限制民事行为能力，或受强制、威吓）</source>
        <translation>The victim cannot consent (no or limited legal capacity, or under coercion or intimidation)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="83"/>
        <source>写明无法表示同意的原因（必填）</source>
        <translation>State why consent cannot be given (required)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="87"/>
        <source>代为申请的近亲属、公安机关或组织；不填则为本单位</source>
        <translation>Relative, police or organisation applying on her behalf; blank: this unit</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="40"/>
        <location filename="../../ui/crisis/protection_order_apply.py" line="90"/>
        <location filename="../../ui/domain_labels.py" line="196"/>
        <source>法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="91"/>
        <source>法院受理时间</source>
        <translation>Accepted by court at</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="93"/>
        <source>受害人意愿</source>
        <translation>Victim&apos;s wishes</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="95"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="96"/>
        <source>代为申请人</source>
        <translation>Applied on behalf by</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="97"/>
        <source>请求的措施</source>
        <translation>Measures requested</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="116"/>
        <location filename="../../ui/error_messages_part1.py" line="380"/>
        <source>请填写受理申请的人民法院。</source>
        <translation>Please fill in the People&apos;s Court accepting the application.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="119"/>
        <source>妇联代为申请须取得受害人同意：请勾选其同意，或说明其无法表示同意。</source>
        <translation>Applying on the victim&apos;s behalf requires her consent: tick her consent, or explain why she cannot consent.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="121"/>
        <source>请写明受害人无法表示同意的原因。</source>
        <translation>Please state why the victim cannot consent.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="123"/>
        <source>请至少选择或填写一项请求的保护措施。</source>
        <translation>Please choose or fill in at least one protective measure.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="125"/>
        <source>受理时间不能晚于现在。</source>
        <translation>The acceptance time cannot be later than now.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="141"/>
        <source>登记法院裁定：{court}</source>
        <translation>Record court ruling: {court}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="142"/>
        <source>登记裁定</source>
        <translation>Record ruling</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="143"/>
        <source>法院应于 {due} 前作出裁定。</source>
        <translation>The court must rule by {due}.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="144"/>
        <source>裁定书文号；驳回的理由</source>
        <translation>Ruling reference no.; reasons for dismissal</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="147"/>
        <source>准予，作出人身安全保护令</source>
        <translation>Granted: protection order issued</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="148"/>
        <source>驳回申请</source>
        <translation>Application dismissed</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="156"/>
        <source>裁定结果</source>
        <translation>Ruling</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="158"/>
        <source>裁定时间</source>
        <translation>Ruling time</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_apply.py" line="164"/>
        <source>裁定时间不能早于法院受理申请的时间（{at}）。</source>
        <translation>The ruling time cannot be before the court accepted the application ({at}).</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="48"/>
        <source>最长有效至 {day}（六个月，遇节假日不顺延）；到期前 14 天提醒申请延长。</source>
        <translation>Valid at most until {day} (six months, not moved off holidays); a reminder to apply for an extension comes 14 days before expiry.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="53"/>
        <source>保护令有效期不超过六个月：最迟到 {day}。</source>
        <translation>A protection order is valid for at most six months: until {day} at the latest.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="59"/>
        <source>登记保护令作出（签发）</source>
        <translation>Record protection order issued</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="59"/>
        <location filename="../../ui/crisis/protection_order_steps.py" line="86"/>
        <location filename="../../ui/domain_labels.py" line="60"/>
        <location filename="../../ui/screening/screening_case_dialog.py" line="47"/>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="38"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="60"/>
        <source>保护令自作出之日起生效，有效期不超过六个月（反家庭暴力法第三十条）。</source>
        <translation>A protection order takes effect on the day it is issued and is valid for at most six months (Anti-Domestic Violence Law, art. 30).</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="61"/>
        <source>保护令文号</source>
        <translation>Order reference no.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="65"/>
        <source>作出日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="65"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="40"/>
        <location filename="../../ui/crisis/crisis_orders.py" line="75"/>
        <location filename="../../ui/crisis/protection_order_steps.py" line="67"/>
        <location filename="../../ui/crisis/protection_order_steps.py" line="114"/>
        <source>措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="74"/>
        <source>作出日期不能早于申请日期。</source>
        <translation>The issue date cannot be before the application date.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="76"/>
        <location filename="../../ui/crisis/protection_order_steps.py" line="122"/>
        <source>请至少保留一项保护措施。</source>
        <translation>Please keep at least one protective measure.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="86"/>
        <source>登记送达</source>
        <translation>Record service</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="87"/>
        <source>保护令由法院送达申请人、被申请人、公安机关以及居（村）民委员会（第三十二条）。</source>
        <translation>The court serves the order on the applicant, the respondent, the police and the residents&apos; (villagers&apos;) committee (art. 32).</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="88"/>
        <source>送达对象和方式</source>
        <translation>Served on and how</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="92"/>
        <source>送达日期</source>
        <translation>Service date</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="98"/>
        <location filename="../../ui/error_messages_part2.py" line="190"/>
        <source>送达日期不能早于保护令作出日期。</source>
        <translation>The service date cannot be before the order was issued.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="107"/>
        <source>登记保护令变更</source>
        <translation>Record protection order variation</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="107"/>
        <source>变更的内容或理由</source>
        <translation>What was varied, or why</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="107"/>
        <source>登记变更</source>
        <translation>Record variation</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="108"/>
        <source>保护令失效前，法院可以根据申请人的申请变更措施。</source>
        <translation>Before the order expires, the court may vary the measures at the applicant&apos;s request.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="113"/>
        <source>变更日期</source>
        <translation>Variation date</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="131"/>
        <source>登记保护令延长</source>
        <translation>Record protection order extension</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="131"/>
        <source>登记延长</source>
        <translation>Record extension</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="132"/>
        <source>须在保护令失效前由法院裁定延长；延长后的有效期自延长裁定之日起不超过六个月。原到期日：{day}</source>
        <translation>The court must rule on an extension before the order expires; the extended order is valid for at most six months from the extension ruling. Original expiry: {day}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="134"/>
        <source>延长裁定文号</source>
        <translation>Extension ruling no.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="137"/>
        <source>延长裁定日期</source>
        <translation>Extension ruling date</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="137"/>
        <source>延长至</source>
        <translation>Extended until</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="143"/>
        <source>延长后的到期日须晚于原到期日（{day}）。</source>
        <translation>The new expiry date must be after the original one ({day}).</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="153"/>
        <source>登记违反保护令</source>
        <translation>Record protection order breach</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="153"/>
        <source>违反的情况</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="153"/>
        <source>登记违反</source>
        <translation>Record breach</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="154"/>
        <source>登记后本案立即标记为重大案事件，置于督导审核队列首位。被申请人违反保护令的，应立即报警，并告知当事人可向法院申请处理（反家庭暴力法第三十四条）。</source>
        <translation>Once recorded, the case is immediately marked as a major incident and put at the top of the supervisor&apos;s review queue. If the respondent breaches the order, call the police at once and tell the victim she may ask the court to act (Anti-Domestic Violence Law, art. 34).</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="156"/>
        <source>时间、地点、行为、是否报警</source>
        <translation>Time, place, conduct, whether the police were called</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="160"/>
        <source>发生时间</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="170"/>
        <source>日期不能早于保护令作出日期（{day}）。</source>
        <translation>The date cannot be before the order was issued ({day}).</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/protection_order_steps.py" line="172"/>
        <source>保护令已于 {day} 期满失效；如需保护，请重新申请。</source>
        <translation>The protection order expired on {day}; apply again if protection is needed.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="27"/>
        <source>上报 / 交办</source>
        <translation>Report up / assign down</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="27"/>
        <location filename="../../ui/referral/referral_dialogs.py" line="69"/>
        <location filename="../../ui/referral/referral_table.py" line="28"/>
        <location filename="../../ui/referral/referral_table.py" line="55"/>
        <source>转介理由</source>
        <translation>Reason for referral</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="27"/>
        <location filename="../../ui/referral/referral_panel.py" line="35"/>
        <location filename="../../ui/referral/referral_panel.py" line="70"/>
        <source>发送</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="28"/>
        <source>案件在对方“接收”前仍由本单位办理；对方接收后，案件及其当事人、时间线、时限移交对方。</source>
        <translation>Until the other unit accepts, the case stays with this unit; once accepted, the case with its parties, timeline and time limits moves to them.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="29"/>
        <source>例如：涉及跨村纠纷，需街道协调处理</source>
        <translation>e.g. dispute across villages, needs coordination by the town/street</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="158"/>
        <location filename="../../ui/accounts/admin_users.py" line="308"/>
        <location filename="../../ui/accounts/audit_log.py" line="51"/>
        <location filename="../../ui/cases/case_header.py" line="63"/>
        <location filename="../../ui/cases/case_list.py" line="119"/>
        <location filename="../../ui/cases/case_list.py" line="191"/>
        <location filename="../../ui/referral/referral_dialogs.py" line="32"/>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="124"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="34"/>
        <location filename="../../ui/referral/referral_panel.py" line="76"/>
        <location filename="../../ui/referral/referral_table.py" line="27"/>
        <source>接收单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="45"/>
        <source>{verb}给 {name}（{label}）</source>
        <translation>{verb} to {name} ({label})</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="47"/>
        <source>没有可转介的上级或直属下级单位</source>
        <translation>No parent or direct subordinate unit to refer to</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="54"/>
        <source>正在加载接收单位…</source>
        <translation>Loading receiving units…</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="55"/>
        <source>请选择接收单位。</source>
        <translation>Please choose the receiving unit.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="69"/>
        <source>转介给机构</source>
        <translation>Refer to an agency</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <location filename="../../ui/referral/referral_dialogs.py" line="69"/>
        <source>转介</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="70"/>
        <source>只共享勾选的内容。须取得当事人同意；未经同意的转介只能由督导决定并写明理由。联系方式保密的当事人，只有本人同意才能共享其联系方式。</source>
        <translation>Only the ticked items are shared. The party&apos;s consent is required; a referral without consent can only be decided by a supervisor, with reasons. Contact details of a party marked confidential are shared only with that party&apos;s own consent.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="79"/>
        <source>例如：望城区法律援助中心</source>
        <translation>e.g. Wangcheng District Legal Aid Centre</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="93"/>
        <source>当事人已同意</source>
        <translation>Party has consented</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="94"/>
        <source>督导特批（未经当事人同意）</source>
        <translation>Supervisor override (without the party&apos;s consent)</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="100"/>
        <source>同意的方式（如书面签字）；督导特批须写明理由</source>
        <translation>How consent was given (e.g. written signature); a supervisor override must state the reason</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="101"/>
        <source>同意的方式（如书面签字）</source>
        <translation>How consent was given (e.g. written signature)</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="109"/>
        <source>部门类别</source>
        <translation>Agency type</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="110"/>
        <location filename="../../ui/referral/referral_panel.py" line="72"/>
        <source>接收部门</source>
        <translation>Receiving agency</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="111"/>
        <location filename="../../ui/referral/referral_panel.py" line="73"/>
        <source>共享内容</source>
        <translation>Shared items</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="190"/>
        <location filename="../../ui/referral/referral_dialogs.py" line="112"/>
        <location filename="../../ui/referral/referral_panel.py" line="74"/>
        <source>当事人同意</source>
        <translation>Party&apos;s consent</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="131"/>
        <source>请选择部门类别。</source>
        <translation>Please choose the agency type.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="133"/>
        <source>请填写接收部门名称。</source>
        <translation>Please fill in the receiving agency&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="135"/>
        <source>请选择要共享的内容。</source>
        <translation>Please choose the items to share.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="138"/>
        <source>请登记当事人是否同意。</source>
        <translation>Please record whether the party consented.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="140"/>
        <source>督导特批须写明理由。</source>
        <translation>A supervisor override must state the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="153"/>
        <source>记录回复：{agency_name}</source>
        <translation>Record reply: {agency_name}</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="154"/>
        <source>对方的答复内容；已拒绝时写明拒绝理由</source>
        <translation>The agency&apos;s reply; if refused, the reason given</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="167"/>
        <source>对方答复人（可不填）</source>
        <translation>Replied by (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="169"/>
        <source>对方答复</source>
        <translation>Agency&apos;s reply</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="170"/>
        <source>答复人</source>
        <translation>Replied by</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="183"/>
        <source>请选择对方的答复：已接收或已拒绝。</source>
        <translation>Please choose the agency&apos;s reply: received or refused.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_dialogs.py" line="185"/>
        <source>已拒绝须填写对方的拒绝理由。</source>
        <translation>A refusal requires the agency&apos;s reason.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_case_dialog.py" line="20"/>
        <source>转为案件：{what}</source>
        <translation>Convert to case: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_case_dialog.py" line="21"/>
        <source>转为案件</source>
        <translation>Convert to case</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_case_dialog.py" line="31"/>
        <source>案件类别</source>
        <translation>Case type</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_edit_form.py" line="58"/>
        <location filename="../../ui/cases/case_table.py" line="23"/>
        <location filename="../../ui/clocks/clock_tasks.py" line="47"/>
        <location filename="../../ui/error_messages_part1.py" line="300"/>
        <location filename="../../ui/referral/referral_table.py" line="25"/>
        <location filename="../../ui/referral/referral_table.py" line="52"/>
        <location filename="../../ui/review/review_approvals.py" line="38"/>
        <location filename="../../ui/review/review_table.py" line="68"/>
        <location filename="../../ui/screening/screening_case_dialog.py" line="32"/>
        <source>案件名称</source>
        <translation>Case title</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="115"/>
        <location filename="../../ui/screening/screening_case_dialog.py" line="34"/>
        <source>请填写案件名称。</source>
        <translation>Please fill in the case title.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_case_dialog.py" line="47"/>
        <source>新增网络舆情线索</source>
        <translation>New online-opinion lead</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_case_dialog.py" line="47"/>
        <source>舆情摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_case_dialog.py" line="48"/>
        <source>帖子或视频的内容概要：涉及谁、什么事、网民反应</source>
        <translation>What the post or video is about: who, what happened, how people reacted</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_case_dialog.py" line="51"/>
        <source>平台、群或账号，如：抖音“望城身边事”</source>
        <translation>Platform, group or account, e.g. Douyin &quot;Wangcheng Around Us&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_case_dialog.py" line="61"/>
        <source>发现渠道/平台</source>
        <translation>Found via / platform</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_case_dialog.py" line="62"/>
        <source>发现日期</source>
        <translation>Date found</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="224"/>
        <location filename="../../ui/screening/screening_case_dialog.py" line="63"/>
        <source>登记单位</source>
        <translation>Registering unit</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_case_dialog.py" line="65"/>
        <source>请填写发现渠道。</source>
        <translation>Please fill in where it was found.</translation>
    </message>
    <message>
        <location filename="../../ui/common/crisis_common.py" line="57"/>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="30"/>
        <source>{level}风险</source>
        <translation>{level} risk</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="38"/>
        <source>新增排查登记</source>
        <translation>New screening entry</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="38"/>
        <location filename="../../ui/screening/screening_register.py" line="257"/>
        <source>排查原因</source>
        <translation>Reason for screening</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="39"/>
        <source>如：夫妻长期争吵，丈夫酒后打骂，邻居多次劝阻</source>
        <translation>e.g. couple quarrel constantly; the husband hits her when drunk; neighbours have intervened</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="48"/>
        <source>如：张某某家庭；登记了重点人员时可不填，默认用其姓名</source>
        <translation>e.g. the Zhang family; may be left blank when a key person is registered (their name is used)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="50"/>
        <source>登记重点人员（可不填）</source>
        <translation>Register a key person (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="54"/>
        <source>性别未知</source>
        <translation>Sex unknown</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="105"/>
        <location filename="../../ui/intake/duplicate_panel.py" line="117"/>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="54"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="104"/>
        <location filename="../../ui/intake/duplicate_panel.py" line="117"/>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="54"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="56"/>
        <source>电话（可不填）</source>
        <translation>Phone (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="57"/>
        <source>身份证号（可不填）</source>
        <translation>ID number (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="66"/>
        <source>住址（可不填）</source>
        <translation>Address (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="70"/>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="107"/>
        <source>按排查原因自动判断</source>
        <translation>From the screening reason</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="191"/>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="78"/>
        <location filename="../../ui/sync/sync_stations_admin.py" line="54"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="84"/>
        <location filename="../../ui/screening/screening_tables.py" line="77"/>
        <source>村（社区）</source>
        <translation>Village/community</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="85"/>
        <location filename="../../ui/screening/screening_tables.py" line="78"/>
        <source>重点家庭/人员</source>
        <translation>Key family/person</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="89"/>
        <location filename="../../ui/screening/screening_tables.py" line="79"/>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="48"/>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="90"/>
        <location filename="../../ui/screening/screening_register.py" line="257"/>
        <source>纠纷类别</source>
        <translation>Dispute category</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="91"/>
        <location filename="../../ui/screening/screening_tables.py" line="80"/>
        <source>责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="92"/>
        <source>走访周期</source>
        <translation>Visit interval</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="93"/>
        <source>首次走访日期</source>
        <translation>First visit date</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="106"/>
        <source>按排查原因自动判断（{kind}）</source>
        <translation>From the screening reason ({kind})</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="138"/>
        <source>没有可担任责任人的人员</source>
        <translation>No one available to be responsible</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="148"/>
        <source>请选择村（社区）。</source>
        <translation>Please choose the village/community.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="151"/>
        <source>请填写重点人员的姓名，或取消勾选。</source>
        <translation>Please fill in the key person&apos;s name, or untick the box.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="136"/>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="153"/>
        <source>请填写重点家庭或人员。</source>
        <translation>Please fill in the key family or person.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="155"/>
        <source>正在加载责任人…</source>
        <translation>Loading responsible persons…</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="177"/>
        <location filename="../../ui/screening/screening_entry_dialog.py" line="157"/>
        <source>请选择责任人。</source>
        <translation>Please choose the responsible person.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="22"/>
        <source>记录走访：{subject}</source>
        <translation>Record visit: {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="22"/>
        <source>走访情况</source>
        <translation>Visit notes</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="23"/>
        <source>见到了谁、矛盾现状、做了哪些工作、当事人的态度</source>
        <translation>Whom you met, the current state of the conflict, what was done, the parties&apos; attitude</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="45"/>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="46"/>
        <source>走访方式</source>
        <translation>Visit method</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="47"/>
        <source>走访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="52"/>
        <source>请填写走访人。</source>
        <translation>Please fill in who made the visit.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="60"/>
        <source>保存后下次走访日期：{day}（每 {n} 天一次）</source>
        <translation>After saving, next visit: {day} (every {n} days)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="63"/>
        <source>该日期早于上次走访（{day}），只补记历史，不改变下次走访日期。</source>
        <translation>This date is before the last visit ({day}); it is recorded as history only and does not change the next visit date.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="75"/>
        <source>化解：{subject}</source>
        <translation>Resolve: {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="262"/>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="75"/>
        <source>化解情况</source>
        <translation>How it was resolved</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="76"/>
        <source>确认化解</source>
        <translation>Confirm resolved</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="77"/>
        <source>化解后该登记不再走访，也不能再修改；如矛盾再次出现，请重新登记。</source>
        <translation>Once resolved, the entry is no longer visited and cannot be changed; if the conflict returns, register it again.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="78"/>
        <source>如：经村调委会调解，双方达成协议并已履行</source>
        <translation>e.g. after mediation by the village mediation committee, the parties reached and kept an agreement</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="260"/>
        <location filename="../../ui/screening/screening_visit_dialog.py" line="84"/>
        <source>化解日期</source>
        <translation>Resolved on</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_import.py" line="33"/>
        <source>第 {number} 行：有 {n} 列，应为“街镇,村社区”两列（如：高塘岭街道,新康村）。</source>
        <translation>Line {number}: {n} columns; there should be two, &quot;town/street,village/community&quot; (e.g. Gaotangling Street,Xinkang Village).</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_import.py" line="38"/>
        <source>第 {number} 行：缺少街镇名称。</source>
        <translation>Line {number}: town/street name missing.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_import.py" line="42"/>
        <source>第 {number} 行：名称“{too_long}…”过长（最多 {max} 字）。</source>
        <translation>Line {number}: the name &quot;{too_long}…&quot; is too long (at most {max} characters).</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_import.py" line="54"/>
        <source>无法读取文件：{path}（{strerror}）</source>
        <translation>Cannot read the file: {path} ({strerror})</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_import.py" line="61"/>
        <source>文件编码无法识别，请另存为 UTF-8 编码的文本或 CSV 文件。</source>
        <translation>The file encoding is not recognised; save it as UTF-8 text or CSV.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_import.py" line="64"/>
        <source>文件中没有任何街镇（每行格式：街镇,村社区）。</source>
        <translation>The file has no towns/streets (each line: town/street,village/community).</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="60"/>
        <source>欢迎使用幸福号</source>
        <translation>Welcome to Xingfuhao</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="61"/>
        <source>首次使用，需要先创建本机的数据存储。</source>
        <translation>This is the first start: the data store on this computer must be created first.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="74"/>
        <source>其中 fulian.db 是加密的数据库，keystore.json 是受保护的密钥文件，两者缺一不可，备份时请一并保存。以后如需更换文件夹，可用 --data-dir 参数或环境变量 FULIAN_DATA_DIR 指定。</source>
        <translation>fulian.db is the encrypted database and keystore.json the protected key file; both are needed, so back them up together. To use another folder later, pass --data-dir or set the FULIAN_DATA_DIR environment variable.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="40"/>
        <source>区和街镇、村（社区）</source>
        <translation>District, towns/streets and villages/communities</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="41"/>
        <source>案号形如（2026）望婚调字第1号，其中“望”是区的案号前缀；街镇和村社区的前缀自动生成，以后可在“组织机构”中继续添加单位。</source>
        <translation>Case numbers look like (2026)望婚调字第1号, where 望 is the district&apos;s case no. prefix; prefixes for towns/streets and villages/communities are generated automatically. More units can be added later under &quot;Organisation&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="143"/>
        <location filename="../../ui/setup/setup_org.py" line="52"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="143"/>
        <location filename="../../ui/cases/case_list.py" line="90"/>
        <location filename="../../ui/cases/case_table.py" line="25"/>
        <location filename="../../ui/setup/setup_org.py" line="52"/>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="143"/>
        <location filename="../../ui/setup/setup_org.py" line="52"/>
        <source>案号前缀</source>
        <translation>Case no. prefix</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="64"/>
        <source>添加街镇(&amp;T)</source>
        <translation>Add town/street (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="65"/>
        <source>添加村社区(&amp;V)</source>
        <translation>Add village/community (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="66"/>
        <source>重命名(&amp;R)</source>
        <translation>Rename (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="67"/>
        <source>删除(&amp;E)</source>
        <translation>Delete (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="68"/>
        <source>从文件导入(&amp;I)…</source>
        <translation>Import from file (&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="80"/>
        <source>导入文件：UTF-8 编码的文本或 CSV，每行“街镇,村社区”，如 &lt;code&gt;高塘岭街道,新康村&lt;/code&gt;；只有街镇名的行表示该街镇暂无村社区。</source>
        <translation>Import file: UTF-8 text or CSV, one &quot;town/street,village/community&quot; per line, e.g. &lt;code&gt;高塘岭街道,新康村&lt;/code&gt;; a line with only a town/street name means it has no villages/communities yet.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="89"/>
        <source>区名称(&amp;D)</source>
        <translation>District name (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="90"/>
        <source>区案号前缀(&amp;P)</source>
        <translation>District case no. prefix (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="91"/>
        <source>街镇和村（社区）(&amp;L)</source>
        <translation>Towns/streets and villages/communities (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="145"/>
        <source>请先选中一个街镇，再添加其下的村社区。</source>
        <translation>First select a town/street, then add villages/communities under it.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="169"/>
        <source>删除街镇</source>
        <translation>Delete town/street</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="169"/>
        <source>“{name}”下还有 {n} 个村社区，一并删除吗？</source>
        <translation>&quot;{name}&quot; still has {n} villages/communities. Delete them too?</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="198"/>
        <source>导入街镇和村社区</source>
        <translation>Import towns/streets and villages/communities</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="199"/>
        <source>文本或 CSV 文件 (*.csv *.txt);;所有文件 (*)</source>
        <translation>Text or CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="206"/>
        <source>……另有 {n} 行有误。</source>
        <translation>…and {n} more lines with errors.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="207"/>
        <source>未导入，请修改文件后重试：
{errors}</source>
        <translation>Not imported; please correct the file and try again:
{errors}</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="210"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="210"/>
        <source>导入的内容将替换当前列表中的街镇和村社区，继续吗？</source>
        <translation>The imported list will replace the current towns/streets and villages/communities. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="214"/>
        <source>已导入 {n} 个街镇、{villages} 个村社区（{name}）。</source>
        <translation>Imported {n} towns/streets and {villages} villages/communities ({name}).</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="251"/>
        <source>请填写区名称。</source>
        <translation>Please fill in the district name.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="254"/>
        <source>请填写案号前缀（通常是区名的第一个字）。</source>
        <translation>Please fill in the case no. prefix (usually the first character of the district name).</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="273"/>
        <source>有街镇没有填写名称。</source>
        <translation>A town/street has no name.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="275"/>
        <source>街镇“{name}”重复。</source>
        <translation>Town/street &quot;{name}&quot; appears twice.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="281"/>
        <source>“{name}”下有村社区没有填写名称。</source>
        <translation>A village/community under &quot;{name}&quot; has no name.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_org.py" line="283"/>
        <source>“{name}”下的村社区“{village}”重复。</source>
        <translation>Village/community &quot;{village}&quot; appears twice under &quot;{name}&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="114"/>
        <source>第一个系统管理员</source>
        <translation>First system administrator</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="119"/>
        <source>如：张敏</source>
        <translation>e.g. Zhang Min</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="124"/>
        <source>密码至少 8 位，须含字母、数字、符号中的至少两类，且不能与用户名相同。</source>
        <translation>Passwords need at least 8 characters, with at least two of letters, digits and symbols, and must differ from the user name.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="38"/>
        <location filename="../../ui/setup/server_settings.py" line="188"/>
        <source>数据库服务器设置</source>
        <translation>Database server settings</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="56"/>
        <source>CA 证书文件路径（verify-ca / verify-full 时填写）</source>
        <translation>Path to the CA certificate file (for verify-ca / verify-full)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="62"/>
        <source>服务器地址(&amp;H)</source>
        <translation>Server &amp;host</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="63"/>
        <source>端口(&amp;P)</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="64"/>
        <source>数据库(&amp;D)</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="183"/>
        <location filename="../../ui/setup/server_settings.py" line="65"/>
        <location filename="../../ui/setup/setup_pages.py" line="127"/>
        <source>用户名(&amp;U)</source>
        <translation>User name (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="67"/>
        <source>TLS 加密(&amp;T)</source>
        <translation>&amp;TLS encryption</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="68"/>
        <source>CA 证书</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="69"/>
        <source>密码保存在本机系统钥匙串中，不写入任何文件。</source>
        <translation>The password is kept in this computer&apos;s system keyring and never written to a file.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="71"/>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="123"/>
        <location filename="../../ui/setup/server_settings.py" line="139"/>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="130"/>
        <source>连接成功。</source>
        <translation>Connected.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="130"/>
        <source>服务器上已有数据存储。</source>
        <translation>The server already holds a data store.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="131"/>
        <source>服务器数据库是空的（可用 fulian init --server 创建数据存储）。</source>
        <translation>The server database is empty (create a data store with fulian init --server).</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="151"/>
        <source>密码未保存</source>
        <translation>Password not saved</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="151"/>
        <source>本机没有可用的系统钥匙串，密码未保存。请在启动前设置环境变量 FULIAN_PG_PASSWORD。</source>
        <translation>This computer has no usable system keyring, so the password was not saved. Set the environment variable FULIAN_PG_PASSWORD before starting.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="176"/>
        <source>连接数据库服务器(&amp;S)…</source>
        <translation>Connect to a database &amp;server…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="183"/>
        <source>数据库服务器设置…</source>
        <translation>Database server settings…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="188"/>
        <source>已保存，重新启动程序后生效。</source>
        <translation>Saved. Takes effect after restarting the program.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="198"/>
        <source>无法连接数据库服务器</source>
        <translation>Cannot connect to the database server</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="184"/>
        <location filename="../../ui/accounts/admin_users.py" line="222"/>
        <location filename="../../ui/setup/setup_pages.py" line="128"/>
        <source>姓名(&amp;M)</source>
        <translation>Name (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/server_settings.py" line="66"/>
        <location filename="../../ui/setup/setup_pages.py" line="129"/>
        <source>密码(&amp;W)</source>
        <translation>Password (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="63"/>
        <source>&lt;p&gt;本向导将依次完成：&lt;/p&gt;&lt;ol&gt;&lt;li&gt;设置区名称和案号前缀，录入街镇和村（社区）——可逐个添加，也可从文件导入；&lt;/li&gt;&lt;li&gt;创建第一个系统管理员和第一个督导的账号；&lt;/li&gt;&lt;li&gt;选择数据存储的保护方式（系统钥匙串或口令）；&lt;/li&gt;&lt;li&gt;创建加密的数据存储，并&lt;b&gt;显示一次恢复码&lt;/b&gt;，请打印或抄写后妥善保管。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;所有案件和个人信息都加密保存在本机的以下文件夹中：&lt;/p&gt;</source>
        <translation>&lt;p&gt;This wizard will:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;set the district name and case no. prefix and enter the towns/streets and villages/communities (one by one or imported from a file);&lt;/li&gt;&lt;li&gt;create the first system administrator and the first supervisor accounts;&lt;/li&gt;&lt;li&gt;choose how the data store is protected (system keyring or passphrase);&lt;/li&gt;&lt;li&gt;create the encrypted data store and &lt;b&gt;show the recovery code once&lt;/b&gt;: print or copy it and keep it safe.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;All cases and personal data are stored encrypted on this computer in this folder:&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="77"/>
        <source>新建数据存储（区平台首次使用）(&amp;X)</source>
        <translation>Create a new data store (first use at the district) (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="78"/>
        <source>加入区平台（站点）：用区里交来的开通文件和开通码开通本站(&amp;J)</source>
        <translation>Join the district platform (station): open this station with the package and code from the district (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="80"/>
        <source>&lt;p&gt;加入区平台时，本向导将依次完成：&lt;/p&gt;&lt;ol&gt;&lt;li&gt;选择区里交来的站点开通文件（在U盘中），输入另行告知的开通码；&lt;/li&gt;&lt;li&gt;选择数据存储的保护方式（系统钥匙串或口令）；&lt;/li&gt;&lt;li&gt;用开通文件创建本站加密的数据存储，其中有本单位的案件和账号，并&lt;b&gt;显示一次恢复码&lt;/b&gt;，请打印或抄写后妥善保管。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;登录账号由区里创建，开通后用区里告知的账号登录。本站的案件和个人信息都加密保存在本机的以下文件夹中：&lt;/p&gt;</source>
        <translation>&lt;p&gt;To join the district platform, this wizard will:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;pick the station package from the district (on the USB drive) and take the one-time code you were told separately;&lt;/li&gt;&lt;li&gt;choose how the data store is protected (system keyring or passphrase);&lt;/li&gt;&lt;li&gt;create this station&apos;s encrypted data store from the package, with your unit&apos;s cases and accounts, and &lt;b&gt;show the recovery code once&lt;/b&gt;: print or copy it and keep it safe.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Accounts are made at the district; after joining, log in with the account the district gave you. This station&apos;s cases and personal data are kept encrypted in this folder on this computer:&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="115"/>
        <source>系统管理员负责组织机构、系统设置和账号的停用、解锁，不看案件内容；工作人员的账号由督导创建。</source>
        <translation>The system administrator maintains the organisation, the system settings and disables or unlocks accounts, but reads no case content; staff accounts are created by a supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="130"/>
        <source>再次输入密码(&amp;A)</source>
        <translation>Repeat password (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="156"/>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="173"/>
        <source>督导的用户名不能与系统管理员相同。</source>
        <translation>The supervisor&apos;s username must differ from the system administrator&apos;s.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="189"/>
        <source>请填写管理员姓名。</source>
        <translation>Please fill in the administrator&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="205"/>
        <source>第一个督导</source>
        <translation>First supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="206"/>
        <source>区督导审核案件，并在辖区内创建接待员、调解员、心理咨询师、站点管理员等工作人员的账号。</source>
        <translation>The district supervisor reviews cases and creates the accounts of receptionists, mediators, counsellors, station administrators and other staff in the district.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="207"/>
        <source>如：李芳</source>
        <translation>e.g. Li Fang</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="210"/>
        <source>请填写督导姓名。</source>
        <translation>Please enter the supervisor&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="219"/>
        <source>保护数据存储</source>
        <translation>Protect the data store</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="220"/>
        <source>数据库用随机生成的密钥加密。请选择这把密钥在本机如何保存。</source>
        <translation>The database is encrypted with a randomly generated key. Choose how this key is kept on this computer.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="224"/>
        <source>正在检查本机的系统钥匙串…</source>
        <translation>Checking this computer&apos;s system keyring…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="226"/>
        <source>另外设置一个口令（钥匙串不可用时，可用口令打开）(&amp;O)</source>
        <translation>Also set a passphrase (opens the store if the keyring is unavailable) (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="234"/>
        <source>口令(&amp;K)</source>
        <translation>Passphrase (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="234"/>
        <source>再次输入口令(&amp;G)</source>
        <translation>Repeat passphrase (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="237"/>
        <source>请记住口令：忘记口令时只能用恢复码打开。恢复码将在创建后显示。</source>
        <translation>Remember the passphrase: if forgotten, only the recovery code can open the store. The recovery code is shown after creation.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="278"/>
        <source>&lt;b&gt;系统钥匙串无法保存密钥。&lt;/b&gt;请设置一个口令（至少 8 位），每次打开程序时输入。</source>
        <translation>&lt;b&gt;The system keyring cannot store the key.&lt;/b&gt; Please set a passphrase (at least 8 characters) to enter each time the program opens.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="280"/>
        <source>密钥将保存在本机的系统钥匙串（{describe}）中，登录本机账户后打开程序无需输入口令。</source>
        <translation>The key will be kept in this computer&apos;s system keyring ({describe}); after logging in to this computer account no passphrase is needed.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="282"/>
        <source>&lt;b&gt;本机没有可用的系统钥匙串。&lt;/b&gt;请设置一个口令（至少 8 位）来保护数据存储，每次打开程序时需要输入。</source>
        <translation>&lt;b&gt;No system keyring is available on this computer.&lt;/b&gt; Please set a passphrase (at least 8 characters) to protect the data store; it must be entered each time the program opens.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_pages.py" line="306"/>
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_create.py" line="86"/>
        <source>创建数据存储</source>
        <translation>Create data store</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_create.py" line="87"/>
        <source>请核对以下内容，然后点击“创建数据存储”。</source>
        <translation>Please check the following, then click &quot;Create data store&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_create.py" line="95"/>
        <location filename="../../ui/setup/setup_join.py" line="110"/>
        <source>系统钥匙串，另设口令</source>
        <translation>System keyring, plus a passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_create.py" line="95"/>
        <location filename="../../ui/setup/setup_join.py" line="110"/>
        <location filename="../../ui/setup/setup_recovery.py" line="67"/>
        <source>系统钥匙串</source>
        <translation>System keyring</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/unlock.py" line="29"/>
        <location filename="../../ui/accounts/unlock.py" line="58"/>
        <location filename="../../ui/setup/setup_create.py" line="96"/>
        <location filename="../../ui/setup/setup_join.py" line="110"/>
        <location filename="../../ui/setup/setup_recovery.py" line="67"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_create.py" line="98"/>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;数据文件夹&lt;/td&gt;&lt;td&gt;&lt;code&gt;{data_dir}&lt;/code&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;区&lt;/td&gt;&lt;td&gt;{district}（案号前缀：{case_prefix}）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;街镇 / 村社区&lt;/td&gt;&lt;td&gt;{n} 个街镇，{villages} 个村社区&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;系统管理员&lt;/td&gt;&lt;td&gt;{admin_name}（{admin_username}）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;督导&lt;/td&gt;&lt;td&gt;{supervisor}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;密钥保护&lt;/td&gt;&lt;td&gt;{protection}&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;Data folder&lt;/td&gt;&lt;td&gt;&lt;code&gt;{data_dir}&lt;/code&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;District&lt;/td&gt;&lt;td&gt;{district} (case no. prefix: {case_prefix})&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Towns/streets / villages/communities&lt;/td&gt;&lt;td&gt;{n} towns/streets, {villages} villages/communities&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;System administrator&lt;/td&gt;&lt;td&gt;{admin_name} ({admin_username})&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Supervisor&lt;/td&gt;&lt;td&gt;{supervisor}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Key protection&lt;/td&gt;&lt;td&gt;{protection}&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_create.py" line="103"/>
        <source>正在创建加密数据存储并写入组织机构，请稍候…</source>
        <translation>Creating the encrypted data store and writing the organisation, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_create.py" line="111"/>
        <source>已创建。</source>
        <translation>Created.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_create.py" line="114"/>
        <source>{message}请点击“上一步”设置口令后再创建。</source>
        <translation>{message} Click &quot;Back&quot; to set a passphrase, then create again.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_create.py" line="115"/>
        <source>创建数据存储时遇到意外错误，没有留下任何文件。详细信息已记入日志；请检查文件夹是否可写、磁盘空间是否充足后重试。</source>
        <translation>An unexpected error occurred while creating the data store; no files were left behind. Details are in the log. Check that the folder is writable and the disk has space, then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="25"/>
        <source>恢复码（只显示这一次）</source>
        <translation>Recovery code (shown only this once)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="26"/>
        <source>换电脑、重装系统或忘记口令时，只有用恢复码才能打开数据存储。请现在打印或抄写，与电脑分开、妥善保管。</source>
        <translation>When changing computers, reinstalling the system or forgetting the passphrase, only the recovery code can open the data store. Print or copy it now and keep it safe, away from the computer.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="38"/>
        <source>打印恢复码(&amp;P)…</source>
        <translation>Print recovery code (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="39"/>
        <source>复制(&amp;C)</source>
        <translation>Copy (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="44"/>
        <source>我已抄写或打印恢复码(&amp;S)</source>
        <translation>I have copied or printed the recovery code (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="48"/>
        <source>恢复码共 32 个字符，不区分大小写；不含字母 I、L、O、U，其中的“0”都是数字零。</source>
        <translation>The recovery code has 32 characters and is not case-sensitive; it has no letters I, L, O or U, so every &quot;0&quot; is the digit zero.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="68"/>
        <source>数据存储已创建在 {data_dir}，密钥由{how}保护。恢复码不会保存在这台电脑上，关闭本页后无法再次查看。</source>
        <translation>The data store was created in {data_dir}; its key is protected by {how}. The recovery code is not kept on this computer and cannot be shown again once this page is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="77"/>
        <source>已复制。粘贴保存到安全的地方后，请清空剪贴板。</source>
        <translation>Copied. After pasting it somewhere safe, please clear the clipboard.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="82"/>
        <source>打印恢复码</source>
        <translation>Print recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="87"/>
        <source>幸福号恢复码</source>
        <translation>Xingfuhao recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="91"/>
        <source>已发送打印。请确认打印清楚后再勾选下方的确认框。</source>
        <translation>Sent to the printer. Check that the printout is legible, then tick the confirmation box below.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_recovery.py" line="97"/>
        <source>&lt;h2 style=&apos;text-align:center&apos;&gt;幸福号 · 数据存储恢复码&lt;/h2&gt;&lt;p&gt;创建日期：{when:%Y年%m月%d日 %H:%M}&lt;/p&gt;&lt;p&gt;数据存储位置：{data_dir}&lt;/p&gt;&lt;p&gt;恢复码：&lt;/p&gt;&lt;p style=&apos;font-family:monospace;font-size:16pt;font-weight:bold;text-align:center;white-space:nowrap&apos;&gt;{code}&lt;/p&gt;&lt;p&gt;（共 32 个字符，不区分大小写；不含字母 I、L、O、U，看到的“0”都是数字零。）&lt;/p&gt;&lt;p&gt;换电脑、重装系统、系统钥匙串失效或忘记口令时，用此恢复码打开数据存储。任何人拿到恢复码和数据文件，就能读取其中的个人信息：请存放在上锁的柜子中，不要拍照、不要发到聊天软件，不要与电脑放在一起。&lt;/p&gt;&lt;p&gt;保管人：______________&#x3000;&#x3000;日期：______________&lt;/p&gt;</source>
        <translation>&lt;h2 style=&apos;text-align:center&apos;&gt;Xingfuhao · Data store recovery code&lt;/h2&gt;&lt;p&gt;Created: {when:%d %B %Y %H:%M}&lt;/p&gt;&lt;p&gt;Data store location: {data_dir}&lt;/p&gt;&lt;p&gt;Recovery code:&lt;/p&gt;&lt;p style=&apos;font-family:monospace;font-size:16pt;font-weight:bold;text-align:center;white-space:nowrap&apos;&gt;{code}&lt;/p&gt;&lt;p&gt;(32 characters, not case-sensitive; no letters I, L, O or U, so every &quot;0&quot; is the digit zero.)&lt;/p&gt;&lt;p&gt;Use this recovery code to open the data store after changing computers, reinstalling the system, losing the system keyring or forgetting the passphrase. Anyone with the recovery code and the data files can read the personal data in them: keep it in a locked cabinet; do not photograph it, send it by chat, or keep it with the computer.&lt;/p&gt;&lt;p&gt;Kept by: ______________&#x3000;&#x3000;Date: ______________&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_wizard.py" line="51"/>
        <source>幸福号 · 首次使用设置</source>
        <translation>Xingfuhao · First-time setup</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_wizard.py" line="54"/>
        <location filename="../../ui/sync/station_open_wizard.py" line="284"/>
        <source>下一步(&amp;N)</source>
        <translation>Next (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_wizard.py" line="54"/>
        <location filename="../../ui/sync/station_open_wizard.py" line="284"/>
        <source>上一步(&amp;B)</source>
        <translation>Back (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_wizard.py" line="55"/>
        <location filename="../../ui/sync/station_open_wizard.py" line="285"/>
        <source>完成(&amp;F)</source>
        <translation>Finish (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_wizard.py" line="56"/>
        <source>创建数据存储(&amp;C)</source>
        <translation>Create data store (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_wizard.py" line="97"/>
        <source>已开通站点：{unit}。请用区里为您创建的账号登录。</source>
        <translation>Station opened: {unit}. Log in with the account the district made for you.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_wizard.py" line="98"/>
        <source>数据存储已创建，请用刚才设置的管理员账号登录。</source>
        <translation>The data store has been created. Log in with the administrator account you just set up.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_wizard.py" line="116"/>
        <source>恢复码只显示这一次</source>
        <translation>The recovery code is shown only once</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_wizard.py" line="117"/>
        <source>尚未确认已抄写或打印恢复码。关闭后将无法再查看恢复码。
确定要关闭吗？</source>
        <translation>You have not confirmed that the recovery code was copied or printed. After closing it cannot be shown again.
Close anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="12"/>
        <source>登记〔案件状态〕</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="13"/>
        <source>受理〔案件状态〕</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="14"/>
        <source>办理中〔案件状态〕</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="15"/>
        <source>待结案审核〔案件状态〕</source>
        <translation>Awaiting closure review</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="16"/>
        <source>已结案〔案件状态〕</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="17"/>
        <source>不予受理〔案件状态〕</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="18"/>
        <source>转办〔案件状态〕</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="19"/>
        <source>终止〔案件状态〕</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="21"/>
        <source>转介〔标签页〕</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="23"/>
        <source>信访告知</source>
        <translation>Petition notice</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="24"/>
        <source>信访办结</source>
        <translation>Petition completion</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="25"/>
        <source>复查申请期限</source>
        <translation>Review application period</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="26"/>
        <source>复查答复</source>
        <translation>Review reply</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="27"/>
        <source>复核申请期限</source>
        <translation>Re-examination application period</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="28"/>
        <source>复核答复</source>
        <translation>Re-examination reply</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="29"/>
        <source>司法确认申请期限</source>
        <translation>Judicial confirmation application period</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="30"/>
        <source>保护令作出期限</source>
        <translation>Protection order ruling deadline</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="31"/>
        <source>保护令到期</source>
        <translation>Protection order expiry</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="32"/>
        <source>法律援助审查决定</source>
        <translation>Legal aid review decision</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="33"/>
        <source>调解办结目标</source>
        <translation>Mediation completion target</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="34"/>
        <source>强制报告</source>
        <translation>Mandatory report</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="36"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="37"/>
        <source>书面</source>
        <translation>In writing</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="38"/>
        <source>当面</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="40"/>
        <source>无民事行为能力</source>
        <translation>No civil capacity</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="41"/>
        <source>限制民事行为能力</source>
        <translation>Limited civil capacity</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="43"/>
        <source>进行中</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="44"/>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="45"/>
        <location filename="../../ui/review/review_table.py" line="34"/>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="46"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="48"/>
        <source>区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="49"/>
        <source>街镇</source>
        <translation>Town/street</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="50"/>
        <source>村社区</source>
        <translation>Village/community</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="52"/>
        <source>接待员</source>
        <translation>Receptionist</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="54"/>
        <source>心理咨询师</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="55"/>
        <source>站点管理员</source>
        <translation>Station administrator</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="56"/>
        <source>督导</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="57"/>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="61"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="62"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="63"/>
        <source>待结案审核</source>
        <translation>Awaiting closure review</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="64"/>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="65"/>
        <location filename="../../ui/error_messages_part1.py" line="348"/>
        <source>不予受理</source>
        <translation>Do not accept</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="66"/>
        <source>转办</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="67"/>
        <source>终止</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="69"/>
        <source>信访接待</source>
        <translation>Petition reception</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="70"/>
        <source>婚姻调解</source>
        <translation>Marriage mediation</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="71"/>
        <location filename="../../ui/statistics/dashboard.py" line="52"/>
        <source>法律援助</source>
        <translation>Legal aid</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="154"/>
        <location filename="../../ui/domain_labels.py" line="72"/>
        <source>心理疏导</source>
        <translation>Counselling</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="147"/>
        <location filename="../../ui/domain_labels.py" line="73"/>
        <source>危机干预</source>
        <translation>Crisis intervention</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="75"/>
        <source>支持</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="76"/>
        <source>解释说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="77"/>
        <source>不予支持</source>
        <translation>Not supported</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="79"/>
        <source>全部履行</source>
        <translation>Fully performed</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="80"/>
        <source>未履行</source>
        <translation>Not performed</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="82"/>
        <source>防止民转刑</source>
        <translation>Prevented escalation to crime</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="83"/>
        <source>防止自杀</source>
        <translation>Prevented suicide</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="84"/>
        <source>制止群体性上访</source>
        <translation>Stopped a group petition</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="86"/>
        <source>当事人申请</source>
        <translation>Party&apos;s application</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="87"/>
        <source>主动调解</source>
        <translation>Own-initiative mediation</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="88"/>
        <source>上级交办</source>
        <translation>Assigned from above</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="89"/>
        <source>下级上报</source>
        <translation>Reported from below</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="90"/>
        <source>公安移交</source>
        <translation>Referred by police</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="91"/>
        <source>法院委托</source>
        <translation>Entrusted by court</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="92"/>
        <source>信访转办</source>
        <translation>Transferred petition</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="93"/>
        <source>排查发现</source>
        <translation>Found in screening</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="94"/>
        <location filename="../../ui/screening/screening_register.py" line="166"/>
        <source>网络舆情</source>
        <translation>Online opinion</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="96"/>
        <source>申请人/来访人</source>
        <translation>Applicant/visitor</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="97"/>
        <source>被申请人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="22"/>
        <source>联合调解前安全评估</source>
        <translation>Safety screening before a joint session</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="22"/>
        <source>保存评估</source>
        <translation>Save screening</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="23"/>
        <source>请在对方不在场时单独询问受害人。面对面联合调解只在她能自由表达、本人同意时进行；危险评估为高、她害怕对方或又发生暴力时，还须督导批准。背对背调解（分别进行）随时可以安排。当前危险评估：{risk}。</source>
        <translation>Ask the victim alone, with the other party absent. A joint session goes ahead only if she can speak freely and agrees herself; if the danger assessment is high, she fears the other party or there has been new violence, a supervisor must also approve. Separate sessions can be scheduled at any time. Current danger assessment: {risk}.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="32"/>
        <source>她能在对方面前自由表达自己的意愿</source>
        <translation>She can say what she wants in front of the other party</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="33"/>
        <source>她害怕对方</source>
        <translation>She fears the other party</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="34"/>
        <source>上次调解（或登记）以来又发生暴力或威胁</source>
        <translation>Violence or threats since the last session (or intake)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="35"/>
        <source>已告知她可以选择背对背调解（分别进行）</source>
        <translation>She was told she may choose separate sessions</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="36"/>
        <source>同意面对面联合调解</source>
        <translation>Agrees to a joint session</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="37"/>
        <source>要求背对背调解</source>
        <translation>Asks for separate sessions</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="49"/>
        <source>用她自己的话记录，例如：“我愿意和他当面谈孩子的抚养费，有调解员在场我不怕。”</source>
        <translation>In her own words, e.g. &quot;I am willing to discuss child support with him face to face; with the mediator there I am not afraid.&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="98"/>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="55"/>
        <source>受害人</source>
        <translation>Victim</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="59"/>
        <source>她的选择</source>
        <translation>Her choice</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="60"/>
        <source>她的原话</source>
        <translation>Her words</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="61"/>
        <source>评估结论</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="75"/>
        <source>不宜面对面调解：{reasons}。只能背对背调解。</source>
        <translation>Not suitable for a joint session: {reasons}. Separate sessions only.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="77"/>
        <source>可面对面调解，但须督导批准：{reasons}。</source>
        <translation>A joint session is possible but needs a supervisor&apos;s approval: {reasons}.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="79"/>
        <source>可安排一次面对面联合调解。</source>
        <translation>One joint session may be scheduled.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="86"/>
        <source>本案没有受害人或申请人：请先在案件中添加。</source>
        <translation>This case has no victim or applicant: please add her to the case first.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="88"/>
        <source>须先告知受害人可以选择背对背调解，并勾选“已告知”。</source>
        <translation>First tell the victim she may choose separate sessions, and tick &quot;told&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_screening_dialog.py" line="90"/>
        <source>请用受害人自己的话记录她的意愿。</source>
        <translation>Please record her wishes in her own words.</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="99"/>
        <source>未成年子女</source>
        <translation>Minor child</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="100"/>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="101"/>
        <source>证人</source>
        <translation>Witness</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="25"/>
        <location filename="../../ui/crisis/risk_form.py" line="91"/>
        <location filename="../../ui/domain_labels.py" line="102"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="106"/>
        <location filename="../../ui/sync/sync_conflicts.py" line="161"/>
        <location filename="../../ui/sync/sync_conflicts.py" line="162"/>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="108"/>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="109"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="110"/>
        <source>特急</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="112"/>
        <source>来访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="113"/>
        <source>来电</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="24"/>
        <location filename="../../ui/domain_labels.py" line="114"/>
        <source>来信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="115"/>
        <source>网上</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="117"/>
        <location filename="../../ui/error_messages_part1.py" line="97"/>
        <source>当场答复</source>
        <translation>Answered on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="118"/>
        <source>咨询</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="122"/>
        <source>离婚</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="124"/>
        <source>未说明</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="126"/>
        <source>已安排</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="127"/>
        <source>已调解</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="128"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="130"/>
        <source>继续调解</source>
        <translation>Continue mediation</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="131"/>
        <source>达成协议</source>
        <translation>Agreement reached</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="132"/>
        <source>调解不成</source>
        <translation>Mediation failed</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="133"/>
        <source>当事人撤回</source>
        <translation>Withdrawn by party</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="134"/>
        <source>一方拒绝调解</source>
        <translation>One party refused mediation</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="136"/>
        <source>告知权利义务</source>
        <translation>Rights and duties explained</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="137"/>
        <source>告知可申请回避</source>
        <translation>Right to request recusal explained</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="138"/>
        <source>告知自愿原则</source>
        <translation>Voluntariness explained</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="139"/>
        <source>告知保密</source>
        <translation>Confidentiality explained</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="140"/>
        <source>告知可通过仲裁、行政、司法等途径解决</source>
        <translation>Arbitration, administrative and judicial routes explained</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="142"/>
        <source>书面协议（调解协议书）</source>
        <translation>Written agreement (mediation agreement)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="143"/>
        <source>口头协议</source>
        <translation>Oral agreement</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="145"/>
        <location filename="../../ui/mediation/mediation_signatures.py" line="69"/>
        <source>签名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="146"/>
        <location filename="../../ui/mediation/mediation_signatures.py" line="71"/>
        <source>盖章</source>
        <translation>Seal</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="147"/>
        <source>按指印</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="148"/>
        <source>口头同意</source>
        <translation>Oral consent</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="150"/>
        <source>待履行</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="151"/>
        <source>部分履行</source>
        <translation>Partly performed</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="152"/>
        <source>已履行</source>
        <translation>Performed</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="153"/>
        <source>未按约履行</source>
        <translation>Not performed as agreed</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="155"/>
        <source>上门回访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="156"/>
        <source>电话回访</source>
        <translation>Phone follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="158"/>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="44"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="159"/>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="44"/>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="160"/>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="45"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="162"/>
        <source>调和</source>
        <translation>Reconciled</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="163"/>
        <source>劝回</source>
        <translation>Persuaded to return</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="164"/>
        <source>指导协议离婚</source>
        <translation>Guided to divorce by agreement</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="165"/>
        <source>调解成功</source>
        <translation>Mediation succeeded</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="167"/>
        <source>仲裁</source>
        <translation>Arbitration</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="168"/>
        <source>行政处理</source>
        <translation>Administrative handling</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="169"/>
        <source>诉讼</source>
        <translation>Litigation</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="171"/>
        <source>确认有效</source>
        <translation>Confirmed valid</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="172"/>
        <source>不予确认</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="173"/>
        <source>撤回申请</source>
        <translation>Application withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="175"/>
        <source>层级转介</source>
        <translation>Referral between levels</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="176"/>
        <source>部门转介</source>
        <translation>Referral to agency</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="178"/>
        <location filename="../../ui/navigation.py" line="70"/>
        <location filename="../../ui/referral/referral_data.py" line="17"/>
        <source>上报</source>
        <translation>Report up</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="179"/>
        <location filename="../../ui/referral/referral_data.py" line="18"/>
        <source>交办</source>
        <translation>Assign down</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="181"/>
        <location filename="../../ui/referral/inbox.py" line="150"/>
        <location filename="../../ui/referral/inbox.py" line="194"/>
        <source>待接收</source>
        <translation>Awaiting acceptance</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="182"/>
        <source>已接收</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="183"/>
        <location filename="../../ui/reporting/reporting_page.py" line="48"/>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="184"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="186"/>
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="187"/>
        <source>已拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="188"/>
        <source>已反馈</source>
        <translation>Feedback received</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="191"/>
        <source>督导决定（未经当事人同意）</source>
        <translation>Supervisor decision (without party&apos;s consent)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="192"/>
        <source>无需同意（系统内转介）</source>
        <translation>No consent needed (internal referral)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="194"/>
        <source>法律援助中心</source>
        <translation>Legal aid centre</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="195"/>
        <source>公安</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="197"/>
        <source>检察院</source>
        <translation>Procuratorate</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="198"/>
        <source>民政/庇护</source>
        <translation>Civil affairs/shelter</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="199"/>
        <source>卫健/医疗</source>
        <translation>Health/medical</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="200"/>
        <source>教育</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="201"/>
        <source>司法所</source>
        <translation>Judicial office</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="202"/>
        <source>心理咨询机构</source>
        <translation>Counselling service</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_chart.py" line="45"/>
        <location filename="../../ui/domain_labels.py" line="206"/>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_chart.py" line="45"/>
        <location filename="../../ui/domain_labels.py" line="207"/>
        <source>中</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_chart.py" line="45"/>
        <location filename="../../ui/domain_labels.py" line="208"/>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="211"/>
        <source>上升</source>
        <translation>Rising</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="212"/>
        <source>持平</source>
        <translation>Steady</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="213"/>
        <source>下降</source>
        <translation>Falling</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="216"/>
        <source>在册</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="217"/>
        <source>已转案件</source>
        <translation>Converted to case</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="218"/>
        <location filename="../../ui/screening/screening_register.py" line="323"/>
        <source>已化解</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="220"/>
        <source>开始办理</source>
        <translation>Start handling</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="221"/>
        <source>申请结案</source>
        <translation>Request closure</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="222"/>
        <source>结案</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="223"/>
        <source>退回继续办理</source>
        <translation>Return for further handling</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="224"/>
        <source>重新办理</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="226"/>
        <source>基本情况</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="227"/>
        <source>联系方式</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="228"/>
        <source>案情摘要</source>
        <translation>Case summary</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="242"/>
        <source>婚姻家庭</source>
        <translation>Marriage and family</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="243"/>
        <source>家庭纠纷</source>
        <translation>Family dispute</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="244"/>
        <source>干涉婚姻</source>
        <translation>Interference with marriage</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="245"/>
        <source>配偶外遇/重婚/同居</source>
        <translation>Spouse affair/bigamy/cohabitation</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="246"/>
        <source>离婚问题</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="247"/>
        <source>赡养</source>
        <translation>Support of elders</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="248"/>
        <source>抚养</source>
        <translation>Child support</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="249"/>
        <source>其它</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="250"/>
        <source>人身权益</source>
        <translation>Personal rights</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="251"/>
        <source>财产权益</source>
        <translation>Property rights</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="252"/>
        <source>继承</source>
        <translation>Inheritance</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="253"/>
        <source>拆迁</source>
        <translation>Demolition and relocation</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="254"/>
        <source>土地/集体收益</source>
        <translation>Land/collective income</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="255"/>
        <source>劳动和社会保障</source>
        <translation>Labour and social security</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="256"/>
        <source>劳动权益</source>
        <translation>Labour rights</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="257"/>
        <source>社会保障</source>
        <translation>Social security</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="258"/>
        <source>性别歧视</source>
        <translation>Gender discrimination</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="259"/>
        <source>政治权利</source>
        <translation>Political rights</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="260"/>
        <source>文化教育</source>
        <translation>Culture and education</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="261"/>
        <source>综合</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="262"/>
        <source>邻里</source>
        <translation>Neighbours</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="263"/>
        <source>房屋宅基地</source>
        <translation>Housing and homestead</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="264"/>
        <source>合同</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="265"/>
        <source>生产经营</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="266"/>
        <source>损害赔偿</source>
        <translation>Damages</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="267"/>
        <source>山林土地</source>
        <translation>Forest and land</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="268"/>
        <source>征地拆迁</source>
        <translation>Land acquisition and demolition</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="269"/>
        <source>环境污染</source>
        <translation>Pollution</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="270"/>
        <source>劳动争议</source>
        <translation>Labour dispute</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="271"/>
        <source>医疗</source>
        <translation>Medical</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="272"/>
        <source>道路交通事故</source>
        <translation>Road traffic accident</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="273"/>
        <source>物业</source>
        <translation>Property management</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="274"/>
        <source>消防</source>
        <translation>Fire safety</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="275"/>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="276"/>
        <source>上次走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="277"/>
        <source>重点人员</source>
        <translation>Person of concern</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="278"/>
        <source>走访周期（天）</source>
        <translation>Visit interval (days)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="279"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="280"/>
        <source>无操作自动锁定（分钟）</source>
        <translation>Lock after inactivity (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="281"/>
        <source>文书落款单位名称</source>
        <translation>Unit name signed on documents</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="282"/>
        <source>附件大小上限（MB）</source>
        <translation>Attachment size limit (MB)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="283"/>
        <source>月度统计报表截止日（次月几日）</source>
        <translation>Monthly report due day (of the following month)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="285"/>
        <source>案件列表中隐去姓名（显示为王某某）</source>
        <translation>Hide names in case lists (shown as Wang XX)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="287"/>
        <source>亲密伴侣（配偶、前配偶、同居者）</source>
        <translation>Intimate partner (spouse, former spouse, cohabitant)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="288"/>
        <source>老年人（子女、孙辈等家人施暴）</source>
        <translation>Elder (harmed by a child, grandchild or other relative)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="289"/>
        <source>儿童（监护人或家人施暴）</source>
        <translation>Child (harmed by a guardian or relative)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="290"/>
        <source>其他家庭成员（兄弟姐妹、婆媳、姻亲等）</source>
        <translation>Other family member (siblings, in-laws, etc.)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="293"/>
        <source>威胁人身安全</source>
        <translation>Threats to personal safety</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="294"/>
        <source>自伤或自杀风险</source>
        <translation>Risk of self-harm or suicide</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="295"/>
        <source>未成年人受到伤害或无人照料</source>
        <translation>A child harmed or left without care</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="22"/>
        <location filename="../../ui/domain_labels.py" line="229"/>
        <source>身份证明</source>
        <translation>Proof of identity</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="22"/>
        <location filename="../../ui/attachments/evidence_tab.py" line="362"/>
        <location filename="../../ui/domain_labels.py" line="230"/>
        <source>证据材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="22"/>
        <source>授权委托书</source>
        <translation>Power of attorney</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="23"/>
        <source>履行凭证</source>
        <translation>Proof of performance</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="23"/>
        <source>告诫书</source>
        <translation>Police warning letter</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="24"/>
        <source>扫描件</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="24"/>
        <source>医疗记录</source>
        <translation>Medical record</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="25"/>
        <source>调查笔录</source>
        <translation>Investigation record</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="25"/>
        <source>司法确认材料</source>
        <translation>Judicial confirmation papers</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="38"/>
        <source>等 {n} 个文件</source>
        <translation>{n} files in all</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="45"/>
        <source>添加证据材料</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="46"/>
        <source>例如：2026年3月2日拍摄的伤情照片；派出所出具的告诫书</source>
        <translation>E.g. photos of injuries taken on 2 March 2026; warning letter issued by the police station</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="54"/>
        <source>敏感材料（仅有“查看敏感证据材料”权限的人员可打开）</source>
        <translation>Sensitive (only staff with the right &quot;View sensitive evidence&quot; can open it)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="57"/>
        <source>（整个案件）</source>
        <translation>(the whole case)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="61"/>
        <location filename="../../ui/attachments/evidence_tab.py" line="61"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="62"/>
        <source>材料类型</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="63"/>
        <source>关联当事人</source>
        <translation>Related party</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="69"/>
        <source>文件加密保存在本机数据存储中，同一文件只保存一份。医疗记录等敏感材料只有有权限的人员可以打开。</source>
        <translation>Files are stored encrypted in this computer&apos;s data store, each identical file only once. Sensitive material such as medical records can only be opened by authorised staff.</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="71"/>
        <source>每个文件不超过 {mb} MB。</source>
        <translation>At most {mb} MB per file.</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="231"/>
        <source>调解记录</source>
        <translation>Mediation records</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_tab.py" line="69"/>
        <location filename="../../ui/domain_labels.py" line="232"/>
        <source>危险评估</source>
        <translation>Risk assessment</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_edit_form.py" line="16"/>
        <location filename="../../ui/cases/case_header.py" line="41"/>
        <location filename="../../ui/cases/case_list.py" line="77"/>
        <location filename="../../ui/crisis/crisis_tab.py" line="101"/>
        <location filename="../../ui/domain_labels.py" line="235"/>
        <location filename="../../ui/error_messages_part1.py" line="206"/>
        <source>重大案事件</source>
        <translation>Major incident</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="236"/>
        <source>待审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="237"/>
        <source>3 天内到期</source>
        <translation>Due within 3 days</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="238"/>
        <source>30 天无进展</source>
        <translation>No progress for 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="239"/>
        <source>延期</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="240"/>
        <location filename="../../ui/review/review_approvals.py" line="27"/>
        <source>取消重大案事件标记</source>
        <translation>Remove major-incident flag</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="94"/>
        <source>输入有误</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="96"/>
        <source>保存冲突</source>
        <translation>Save conflict</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="217"/>
        <location filename="../../ui/errors.py" line="98"/>
        <source>无权操作</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="99"/>
        <source>操作未完成</source>
        <translation>Operation not completed</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="129"/>
        <location filename="../../ui/intake/intake_form.py" line="504"/>
        <source>程序遇到意外错误，本次操作未完成，数据未改变。详细信息已记入日志。</source>
        <translation>An unexpected error occurred; the operation was not completed and no data changed. Details are in the log.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="130"/>
        <source>意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="22"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="22"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="22"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="22"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="22"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="22"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="22"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="26"/>
        <source>{md}（{weekday}）</source>
        <translation>{md} ({weekday})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="30"/>
        <source>：{outcome}</source>
        <translation>: {outcome}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_table.py" line="23"/>
        <location filename="../../ui/clocks/clock_tasks.py" line="46"/>
        <location filename="../../ui/counselling/counsellor_home.py" line="40"/>
        <location filename="../../ui/counselling/counsellor_home.py" line="44"/>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="36"/>
        <location filename="../../ui/mediation/mediator_sessions.py" line="43"/>
        <location filename="../../ui/referral/referral_table.py" line="24"/>
        <location filename="../../ui/referral/referral_table.py" line="51"/>
        <location filename="../../ui/review/review_approvals.py" line="37"/>
        <location filename="../../ui/review/review_table.py" line="67"/>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="61"/>
        <location filename="../../ui/cases/case_list.py" line="91"/>
        <location filename="../../ui/cases/case_table.py" line="24"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_table.py" line="26"/>
        <source>承办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_table.py" line="27"/>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_table.py" line="37"/>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_table.py" line="37"/>
        <source>家暴</source>
        <translation>DV</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_table.py" line="37"/>
        <source>未成年</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="30"/>
        <source>幸福号 · 妇联维权与婚姻家庭纠纷调处平台</source>
        <translation>Xingfuhao · Women&apos;s Federation rights protection and family dispute mediation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="31"/>
        <source>（演示数据）</source>
        <translation> (demo data)</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="40"/>
        <location filename="../../ui/counselling/counsellor_home.py" line="44"/>
        <location filename="../../ui/documents/batch_print.py" line="54"/>
        <location filename="../../ui/main_window.py" line="125"/>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="36"/>
        <location filename="../../ui/mediation/mediator_sessions.py" line="43"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>关闭当前标签</source>
        <translation>Close current tab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>核验文书(&amp;V)…</source>
        <translation>Verify a paper (&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>搜索案件</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>修改密码(&amp;P)…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>切换用户(&amp;U)</source>
        <translation>Switch &amp;user</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>用户手册(&amp;M)</source>
        <translation>User &amp;manual</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>常用操作</source>
        <translation>Everyday steps</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308"/>
        <source>新建来访</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308"/>
        <source>来访登记（Ctrl+N）</source>
        <translation>Intake (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>按案号、姓名或标题查找案件（Ctrl+F）</source>
        <translation>Find a case by case no., name or title (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>转介收件箱：接收、退回、跟进转介</source>
        <translation>Referral inbox: accept, return and follow referrals</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>调解日程：安排和记录调解</source>
        <translation>Mediation calendar: schedule and record sessions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>打印或导出当前案件的文书</source>
        <translation>Print or export the documents of the current case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>密码已修改。下次登录和解锁请用新密码。</source>
        <translation>Password changed. Use the new password to log in and unlock from now on.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="409"/>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="414"/>
        <source>用户：{name}（{role}）  单位：{unit}</source>
        <translation>User: {name} ({role})  Unit: {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417"/>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="419"/>
        <source>已加密</source>
        <translation>Encrypted</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="419"/>
        <source>服务器（加密连接）</source>
        <translation>Server (encrypted connection)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="420"/>
        <source>数据：{kind}</source>
        <translation>Data: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="420"/>
        <source> · 演示数据</source>
        <translation> · demo data</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>已解锁</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="41"/>
        <location filename="../../ui/accounts/audit_log.py" line="31"/>
        <location filename="../../ui/cases/case_list.py" line="90"/>
        <location filename="../../ui/clocks/clock_tasks.py" line="48"/>
        <location filename="../../ui/counselling/counsellor_home.py" line="44"/>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="38"/>
        <location filename="../../ui/reporting/reporting_page.py" line="150"/>
        <location filename="../../ui/statistics/dashboard.py" line="147"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="41"/>
        <location filename="../../ui/cases/case_list.py" line="90"/>
        <location filename="../../ui/cases/case_table.py" line="24"/>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="31"/>
        <location filename="../../ui/clocks/clock_tasks.py" line="42"/>
        <location filename="../../ui/counselling/counsellor_home.py" line="44"/>
        <location filename="../../ui/crisis/crisis_orders.py" line="40"/>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="65"/>
        <location filename="../../ui/mediation/mediation_calendar_model.py" line="38"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="78"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="104"/>
        <location filename="../../ui/mediation/mediator_sessions.py" line="43"/>
        <location filename="../../ui/referral/referral_panel.py" line="35"/>
        <location filename="../../ui/referral/referral_panel.py" line="69"/>
        <location filename="../../ui/referral/referral_table.py" line="54"/>
        <location filename="../../ui/reporting/reporting_page.py" line="150"/>
        <location filename="../../ui/review/review_table.py" line="70"/>
        <location filename="../../ui/sync/sync_stations_admin.py" line="43"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_table.py" line="13"/>
        <source>（保密）</source>
        <translation>(confidential)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_table.py" line="44"/>
        <source>联系方式保密</source>
        <translation>Contact details confidential</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_table.py" line="86"/>
        <source>该当事人的联系方式保密，您的角色无权查看。</source>
        <translation>This party&apos;s contact details are confidential; your role may not view them.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_table.py" line="21"/>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_table.py" line="26"/>
        <source>来自</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_table.py" line="29"/>
        <location filename="../../ui/referral/referral_table.py" line="56"/>
        <source>发送时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_table.py" line="30"/>
        <location filename="../../ui/referral/referral_table.py" line="57"/>
        <source>发送人</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_table.py" line="45"/>
        <source>反馈：{feedback}</source>
        <translation>Feedback: {feedback}</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_dialog.py" line="33"/>
        <location filename="../../ui/counselling/counselling_tab.py" line="33"/>
        <location filename="../../ui/mediation/mediation_followups_panel.py" line="32"/>
        <location filename="../../ui/referral/referral_table.py" line="50"/>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_table.py" line="53"/>
        <source>接收方</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="35"/>
        <location filename="../../ui/referral/referral_panel.py" line="78"/>
        <location filename="../../ui/referral/referral_table.py" line="58"/>
        <source>答复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_table.py" line="34"/>
        <source>剩 {days} 天</source>
        <translation>{days} days left</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_table.py" line="34"/>
        <source>超期 {days} 天</source>
        <translation>{days} days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_table.py" line="42"/>
        <source>{clock}已于 {day} 到期</source>
        <translation>{clock} was due on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_table.py" line="44"/>
        <source>{clock} {day} 到期</source>
        <translation>{clock} due on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_table.py" line="46"/>
        <source>{who}申请{kind}</source>
        <translation>{kind} requested by {who}</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_table.py" line="48"/>
        <source>最后进展 {day}</source>
        <translation>Last activity {day}</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_table.py" line="66"/>
        <source>提醒</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_table.py" line="25"/>
        <location filename="../../ui/review/review_approvals.py" line="39"/>
        <location filename="../../ui/review/review_table.py" line="69"/>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_table.py" line="71"/>
        <source>情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_table.py" line="72"/>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="162"/>
        <location filename="../../ui/review/review_approvals.py" line="37"/>
        <location filename="../../ui/screening/screening_tables.py" line="34"/>
        <source>（无权查看）</source>
        <translation>(no access)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_tables.py" line="81"/>
        <source>应走访日期</source>
        <translation>Visit due</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_tables.py" line="82"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_tables.py" line="82"/>
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="25"/>
        <source>接待台</source>
        <translation>Reception desk</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="25"/>
        <source>调解员工作台</source>
        <translation>Mediator workspace</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="25"/>
        <source>心理疏导工作台</source>
        <translation>Counselling workspace</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="26"/>
        <source>督导工作台</source>
        <translation>Supervisor workspace</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="26"/>
        <source>站点工作台</source>
        <translation>Station workspace</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="27"/>
        <source>系统管理</source>
        <translation>System administration</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="44"/>
        <source>来访登记</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="48"/>
        <location filename="../../ui/navigation.py" line="63"/>
        <location filename="../../ui/review/review_home.py" line="37"/>
        <location filename="../../ui/review/review_queue.py" line="39"/>
        <source>审核队列</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="57"/>
        <source>我的案件</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="67"/>
        <source>统计看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="107"/>
        <location filename="../../ui/sync/sync_station.py" line="246"/>
        <source>站点同步</source>
        <translation>Station sync</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="111"/>
        <location filename="../../ui/sync/sync_conflicts.py" line="200"/>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59"/>
        <location filename="../../ui/navigation.py" line="58"/>
        <source>本单位案件</source>
        <translation>Unit cases</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="72"/>
        <location filename="../../ui/referral/inbox.py" line="30"/>
        <source>转介收件箱</source>
        <translation>Referral inbox</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="76"/>
        <source>调解日程</source>
        <translation>Mediation calendar</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="80"/>
        <source>矛盾纠纷排查</source>
        <translation>Dispute screening</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="92"/>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="96"/>
        <source>组织机构</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="146"/>
        <location filename="../../ui/navigation.py" line="100"/>
        <source>系统设置</source>
        <translation>System settings</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="40"/>
        <source>新增{label}</source>
        <translation>New {label}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="41"/>
        <source>如：高塘岭街道</source>
        <translation>e.g. Gaotangling Street</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="41"/>
        <source>如：新康村</source>
        <translation>e.g. Xinkang Village</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="54"/>
        <location filename="../../ui/reporting/reporting_page.py" line="150"/>
        <source>上级单位</source>
        <translation>Parent unit</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="55"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;（{tier}）</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; ({tier})</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="56"/>
        <source>{label}名称(&amp;N)</source>
        <translation>{label} name (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="57"/>
        <source>案号前缀(&amp;P)</source>
        <translation>Case no. prefix (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="66"/>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="45"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="91"/>
        <source>案号示例：（2026）{prefix}婚调字第1号</source>
        <translation>Example case no.: (2026){prefix}婚调字第1号</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="94"/>
        <source>已被“{owner}”使用，案号会重复，请换一个。</source>
        <translation>Already used by &quot;{owner}&quot;; case numbers would clash, please choose another.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="103"/>
        <source>请填写名称。</source>
        <translation>Please fill in the name.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="107"/>
        <source>请填写案号前缀。</source>
        <translation>Please fill in the case no. prefix.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="152"/>
        <source>新增街镇(&amp;T)…</source>
        <translation>New town/street (&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="153"/>
        <source>新增村社区(&amp;V)…</source>
        <translation>New village/community (&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="154"/>
        <location filename="../../ui/accounts/admin_users.py" line="283"/>
        <location filename="../../ui/cases/case_history.py" line="41"/>
        <location filename="../../ui/statistics/dashboard.py" line="132"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="159"/>
        <source>案号由单位的案号前缀、案件类型和年度顺序号组成，如（2026）望高婚调字第1号。各单位的前缀不能重复。</source>
        <translation>A case no. is made of the unit&apos;s prefix, the case type and a yearly serial number, e.g. (2026)望高婚调字第1号. Prefixes must be unique across units.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_units.py" line="207"/>
        <source>共 {towns} 个街镇、{villages} 个村社区</source>
        <translation>{towns} towns/streets, {villages} villages/communities</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="32"/>
        <source>幸福号 · {title}</source>
        <translation>Xingfuhao · {title}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="32"/>
        <location filename="../../ui/accounts/login.py" line="44"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="41"/>
        <location filename="../../ui/accounts/admin_users.py" line="220"/>
        <location filename="../../ui/accounts/login.py" line="41"/>
        <location filename="../../ui/lock_screen.py" line="34"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="42"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="45"/>
        <location filename="../../ui/accounts/login.py" line="111"/>
        <location filename="../../ui/accounts/unlock.py" line="44"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="49"/>
        <source>&lt;h2&gt;幸福号&lt;/h2&gt;&lt;p&gt;妇联维权服务与婚姻家庭矛盾纠纷调处平台&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Xingfuhao&lt;/h2&gt;&lt;p&gt;Women&apos;s Federation rights protection and marriage and family dispute mediation platform&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="50"/>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="99"/>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="106"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="107"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="108"/>
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="110"/>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="116"/>
        <source>首次登录或密码已被重置，请先设置新密码：至少 8 位，须含字母、数字、符号中的至少两类，且不能与用户名相同。</source>
        <translation>This is your first login or your password was reset. Please set a new password first: at least 8 characters, with at least two of letters, digits and symbols, and not the same as your user name.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="123"/>
        <source>首次登录或密码已被重置，请先设置新密码：至少 8 位</source>
        <translation>This is your first login or your password was reset. Please set a new</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/login.py" line="127"/>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="41"/>
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="54"/>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="58"/>
        <source>锁定至 {local:%H:%M}</source>
        <translation>Locked until {local:%H:%M}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="58"/>
        <source>锁定至 {local:%m-%d %H:%M}</source>
        <translation>Locked until {local:%d/%m %H:%M}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="59"/>
        <location filename="../../ui/accounts/admin_users.py" line="346"/>
        <location filename="../../ui/sync/sync_stations_admin.py" line="90"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="164"/>
        <source>临时密码会显示出来，以便告诉用户；用户首次登录时须改为自己的密码。</source>
        <translation>The temporary password is shown so you can tell the user; they must change it at first login.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="165"/>
        <source>重新生成(&amp;G)</source>
        <translation>Regenerate (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="176"/>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="178"/>
        <source>小写字母开头，如 zhangmin</source>
        <translation>Starts with a lower-case letter, e.g. zhangmin</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="185"/>
        <location filename="../../ui/accounts/admin_users.py" line="223"/>
        <source>角色(&amp;R)</source>
        <translation>Role (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="186"/>
        <location filename="../../ui/accounts/admin_users.py" line="224"/>
        <source>所属单位(&amp;D)</source>
        <translation>Unit (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="187"/>
        <location filename="../../ui/accounts/admin_users.py" line="248"/>
        <source>临时密码(&amp;P)</source>
        <translation>Temporary password (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="188"/>
        <source>用户首次登录时须修改密码。请把用户名和临时密码当面或电话告知本人。</source>
        <translation>Users must change their password at first login. Tell them their user name and temporary password in person or by phone.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="191"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="7"/>
        <source>区服务器上没有本站的审计检查点（本站尚未用新版本程序同步过）。</source>
        <translation>The district server has no audit checkpoint of this station (it has not yet synchronised with the new program version).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="9"/>
        <source>数据文件为空或不完整，无法打开。文件未被改动，请从备份恢复。</source>
        <translation>The data file is empty or incomplete and cannot be opened. The file was not changed; restore from a backup.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="10"/>
        <source>转介当前为“{status_label}”，不能改为“{status_label2}”。此时可以：{can}。</source>
        <translation>The referral is currently “{status_label}”: it cannot become “{status_label2}”. Possible now: {can}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="12"/>
        <source>并入案件</source>
        <translation>Join case</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="13"/>
        <source>转介给其他部门须取得当事人同意，请登记同意情况。</source>
        <translation>Referring to another department needs the party&apos;s consent: record her consent.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="14"/>
        <source>文件“{filename}”是空文件，未添加。</source>
        <translation>The file “{filename}” is empty and was not added.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="15"/>
        <source>性别应为：{labels_text}。</source>
        <translation>Sex should be: {labels_text}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="16"/>
        <source>请写明违反保护令的情况（时间、地点、行为、是否报警）。</source>
        <translation>Describe the breach of the protection order (time, place, conduct, whether the police were called).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="17"/>
        <source>调解协议至少须有一条协议内容。</source>
        <translation>A mediation agreement needs at least one term.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="18"/>
        <source>磁盘空间已满，无法打开数据存储（需要少量空间存放临时日志）。数据未被改动，请清理磁盘空间后再打开。</source>
        <translation>The disk is full and the data store cannot be opened (it needs a little space for a temporary log). The data was not changed; free some disk space and open it again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="19"/>
        <source>账号不存在。</source>
        <translation>The account does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="20"/>
        <source>此备份不属于当前数据存储（密钥不符）。</source>
        <translation>This backup does not belong to the current data store (the key does not match).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="21"/>
        <source>所选{label}不属于本案件。</source>
        <translation>The selected {label} does not belong to this case.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="22"/>
        <source>笔录中的发言人须为本案当事人或调解员。</source>
        <translation>A speaker in the minutes must be a party to this case or a mediator.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="23"/>
        <source>用户名须以字母开头，3–32 位，只含小写字母、数字、下划线、点或连字符。</source>
        <translation>A user name starts with a letter, has 3–32 characters, and contains only lower-case letters, digits, underscore, dot or hyphen.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="24"/>
        <source>所选单位不存在。</source>
        <translation>The selected unit does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="25"/>
        <source>密钥文件已损坏，无法读取（keystore.json）。请从备份恢复或使用恢复码。</source>
        <translation>The key file is damaged and cannot be read (keystore.json). Restore it from a backup or use the recovery code.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="26"/>
        <source>请填写数据库用户名。</source>
        <translation>Please fill in the database user name.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="28"/>
        <source>请选择要共享给对方单位的内容。</source>
        <translation>Choose what to share with the other unit.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="29"/>
        <source>登记了多个站点，请指定收件单位（--for）。</source>
        <translation>Several stations are registered: name the receiving unit (--for).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="30"/>
        <source>须先告知受害人可以选择背对背调解（分别进行），并记录已告知。</source>
        <translation>First tell the victim she may choose separate sessions, and record that she was told.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="31"/>
        <source>{message}（非交互使用时请设置 FULIAN_RECOVERY_CODE、FULIAN_PASSPHRASE 或 --key-file）</source>
        <translation>{message} (when not used interactively, set FULIAN_RECOVERY_CODE, FULIAN_PASSPHRASE or --key-file)</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="32"/>
        <source>此处已有数据存储：{root}。为防止覆盖原有数据，已拒绝创建。</source>
        <translation>There is already a data store here: {root}. Creating refused to avoid overwriting existing data.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="33"/>
        <source>请通过环境变量 {env} 提供{prompt}。</source>
        <translation>Give {prompt} in the environment variable {env}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="34"/>
        <source>报告时间不能晚于现在。</source>
        <translation>The time of the report cannot be later than now.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="35"/>
        <source>该冲突已由 {resolved_by} 处理。</source>
        <translation>The conflict was already resolved by {resolved_by}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="36"/>
        <source>出生日期与身份证号不符（身份证号显示为 {birth_date}），请改正其中之一后再保存。</source>
        <translation>The date of birth does not match the ID number (the ID number says {birth_date}); correct one of them before saving.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="37"/>
        <source>转办去向过长（最多 200 个字）。</source>
        <translation>The transfer destination is too long (at most 200 characters).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="38"/>
        <source>审批申请不存在。</source>
        <translation>The approval request does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="40"/>
        <source>系统钥匙串中没有此数据存储的密钥（可能是换了电脑或重装了系统）。请用恢复码打开。</source>
        <translation>The system keyring has no key for this data store (perhaps a new computer or a reinstalled system). Open it with the recovery code.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="41"/>
        <source>安全评估结论为不宜面对面调解，不能批准联合调解；请安排背对背调解。</source>
        <translation>The safety screening advises against a face-to-face session, so a joint session cannot be approved; arrange separate sessions.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="42"/>
        <source>找不到备份文件：{path}</source>
        <translation>Backup file not found: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="43"/>
        <source>服务器数据库 {database} 中已有数据存储。要让本机连接它，请用“fulian server set”或设置对话框，而不是新建。</source>
        <translation>The server database {database} already holds a data store. To connect this computer to it, use “fulian server set” or the settings dialog, not create a new one.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="44"/>
        <source>请填写数据库服务器地址。</source>
        <translation>Please fill in the database server address.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="45"/>
        <source>附件不存在或已被移除。</source>
        <translation>The attachment does not exist or was removed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="47"/>
        <source>您的角色（{label}）不能查看统计报表：统计报表由督导或系统管理员查看和导出。</source>
        <translation>Your role ({label}) cannot view statistics: supervisors or system administrators view and export them.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="49"/>
        <source>{what}不能为负数</source>
        <translation>{what} cannot be negative</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="50"/>
        <source>该冲突不存在或不在您的管辖范围内。</source>
        <translation>The conflict does not exist or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="51"/>
        <source>妇联代为申请人身安全保护令须取得受害人同意，请先登记其同意。</source>
        <translation>A protection order applied for by the Women&apos;s Federation on the victim&apos;s behalf needs her consent: record her consent first.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="52"/>
        <source>文件“{filename}”大小为 {format_size}，超过了每个文件 {limit_mb} MB 的上限，未添加。请压缩或拆分后再添加；如确需更大的文件，请系统管理员在设置中调整“附件大小上限”。</source>
        <translation>The file “{filename}” is {format_size}, over the limit of {limit_mb} MB per file, and was not added. Compress or split it; if a larger file is really needed, ask the system administrator to raise “Attachment size limit” in the settings.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="53"/>
        <source>请粘贴国务院办公厅关于节假日安排的通知全文。</source>
        <translation>Please paste the full text of the State Council General Office&apos;s notice on the holiday arrangements.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="54"/>
        <source>手机号码应为 11 位，以 1 开头、第二位为 3–9，实际为 {nsn}（{nsn2} 位）</source>
        <translation>A mobile number has 11 digits, starting with 1 and a second digit of 3–9; this is {nsn} ({nsn2} digits)</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="55"/>
        <source>系统钥匙串中的密钥与此数据存储不符。请用恢复码打开。</source>
        <translation>The key in the system keyring does not match this data store. Open it with the recovery code.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="57"/>
        <source>该案有联系方式保密的当事人：只有当事人本人同意，才能把联系方式共享给其他部门。请取消“联系方式”，或先取得当事人同意。</source>
        <translation>A party of this case has confidential contact details: they may be shared with another department only with her own consent. Untick “Contact details”, or obtain her consent first.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="58"/>
        <source>无效的行动类型：{kind}</source>
        <translation>Invalid action type: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="59"/>
        <source>转办去向</source>
        <translation>Transferred to</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="61"/>
        <source>服务器地址应形如 postgresql://用户名@主机:端口/数据库?sslmode=require。</source>
        <translation>The server address should look like postgresql://user@host:port/database?sslmode=require.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="63"/>
        <source>“{label}”按小时计算，开始时间需精确到时刻</source>
        <translation>“{label}” is counted in hours: the start time must include the time of day</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="65"/>
        <source>安全计划已被其他用户修改（您打开的是第 {expected_version} 版，现为第 {version} 版）。您的输入已保留，请核对后再保存。</source>
        <translation>The safety plan was changed by another user (you opened version {expected_version}, it is now version {version}). Your input is kept: check it and save again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="67"/>
        <source>答复时间须在发送之后、现在之前。</source>
        <translation>The reply time must be after sending and before now.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="69"/>
        <source>同步包的头部信息格式不正确（编号或序号无效），无法导入。已拒绝导入，数据未改变。请让对方用相同版本的程序重新导出。</source>
        <translation>The sync bundle&apos;s header is malformed (invalid id or sequence number) and cannot be imported. Import refused, data unchanged. Ask the other side to export again with the same program version.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="71"/>
        <source>该舆情线索{label}，不能排除。</source>
        <translation>This public-opinion lead is {label}: it cannot be dismissed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="72"/>
        <source>投诉类别应为：{join}。</source>
        <translation>The complaint category should be: {join}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="73"/>
        <source>{name}不是{name2}的上级或直属下级单位，不能转介。{hint}</source>
        <translation>{name} is not the parent or a direct subordinate unit of {name2}: cannot refer. {hint}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="74"/>
        <source>请填写取消原因。</source>
        <translation>Please give the reason for cancelling.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="76"/>
        <source>新的服务器地址上是另一个数据存储，与本文件夹原来连接的不同，已拒绝更改。</source>
        <translation>The new server address holds a different data store from the one this folder was connected to; the change was refused.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="77"/>
        <source>处理意见/理由</source>
        <translation>Opinion/reason</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="78"/>
        <source>请用受害人自己的话记录她的意愿（同意面对面调解，或要求分别进行）。</source>
        <translation>Record her wish in her own words (she agrees to a face-to-face session, or asks for separate sessions).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="79"/>
        <source>请填写恢复调解的理由（如双方当事人重新申请调解）。</source>
        <translation>Please give the reason for resuming mediation (e.g. both parties applied again).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="80"/>
        <source>案件不存在或不在您的管辖范围内。</source>
        <translation>The case does not exist or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="81"/>
        <source>该时限没有对应的强制报告事项。</source>
        <translation>This deadline belongs to no mandatory report.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="82"/>
        <source>结案须由督导审批：请先“申请结案”。</source>
        <translation>Closing needs a supervisor&apos;s approval: first “Apply to close”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="83"/>
        <source>请填写单位名称。</source>
        <translation>Please fill in the unit name.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="84"/>
        <source>调解结果为“{label}”时须说明情况（如哪一方、因何{label2}）。</source>
        <translation>When the mediation result is “{label}”, describe what happened (e.g. which side, why {label2}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="85"/>
        <source>开通码不正确，或开通文件已损坏。数据存储未改变。</source>
        <translation>The set-up code is wrong, or the set-up file is damaged. The data store is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="86"/>
        <source>依据条文须从条文清单中选择。</source>
        <translation>The articles relied on must be chosen from the list of articles.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="87"/>
        <source>“{where}”：{year}年{label}是周{value}，通知写的是周{value2}。请核对粘贴的是不是这一年的通知。</source>
        <translation>“{where}”: in {year}, {label} is weekday {value}, the notice says weekday {value2}. Check that the notice pasted is for this year.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="88"/>
        <source>首次登录或密码已被重置，请先修改密码。</source>
        <translation>First login, or the password was reset: change the password first.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="89"/>
        <source>{doing}日期不能早于保护令作出日期（{isoformat}）。</source>
        <translation>The {doing} date cannot be before the date the protection order was made ({isoformat}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="90"/>
        <source>每项保护措施不能超过 300 字。</source>
        <translation>Each protection measure has at most 300 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="91"/>
        <source>接待登记不存在或不在您的管辖范围内。</source>
        <translation>The intake record does not exist or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="92"/>
        <source>工作日数不能为负数</source>
        <translation>The number of working days cannot be negative</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="93"/>
        <source>该记录已被其他用户修改。您的输入已保留，请刷新后核对再保存。</source>
        <translation>The record was changed by another user. Your input is kept: refresh, check, and save again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="94"/>
        <source>人员不存在。</source>
        <translation>The person does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="96"/>
        <source>未知的关联对象类型：{value}</source>
        <translation>Unknown kind of linked item: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="98"/>
        <source>安全评估记录不存在。</source>
        <translation>The safety screening record does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="99"/>
        <source>“{label}”的期限依规定不能延长</source>
        <translation>By regulation the time limit “{label}” cannot be extended</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="100"/>
        <source>结束日期不能早于开始日期。</source>
        <translation>The end date cannot be before the start date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="101"/>
        <source>集体访须为多人（人数至少 2 人）。</source>
        <translation>A group visit needs several people (at least 2).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="103"/>
        <source>保护令已于 {isoformat} 期满失效，不能再{doing}；如需保护，请重新申请。</source>
        <translation>The protection order expired on {isoformat} and can no longer be {doing}; apply again if protection is needed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="104"/>
        <source>磁盘空间已满，本次保存未完成，数据未改变，您的输入已保留。请清理磁盘空间后再保存。</source>
        <translation>The disk is full: this save did not complete, no data changed and your input is kept. Free some disk space and save again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="105"/>
        <source>转介记录不存在或不在您的管辖范围内。</source>
        <translation>The referral record does not exist or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="145"/>
        <source>请选择报告方式：电话、书面或当面。</source>
        <translation>Choose how it was reported: by phone, in writing or in person.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="200"/>
        <source>此同步包来自已停用的站点“{get}”，该站点的密钥已不再受信任。已拒绝导入，数据未改变。如该单位换了电脑，请为其重新开通站点。</source>
        <translation>This sync bundle comes from the retired station “{get}”, whose keys are no longer trusted. It was refused and nothing changed. If the unit has a new computer, open a station for it again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="106"/>
        <source>受害人无法自行申请时，须写明代为申请的机关、组织或近亲属（反家庭暴力法第二十三条）。</source>
        <translation>If the victim cannot apply herself, state the authority, organisation or close relative applying on her behalf (Anti-Domestic Violence Law, art. 23).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="11"/>
        <source>已拒绝来自{sender_name}的同步包：案件（编号 {rid}）的结案成效无效（只有已结案的案件才有成效，勾选的成效须有 1 至 1000 人，未勾选的不能有人数）。本站数据未改变。请与该站点核实。</source>
        <translation>Refused the sync bundle from {sender_name}: the closure outcomes of case {rid} are invalid (only a closed case has outcomes; a ticked outcome needs 1 to 1000 persons; one not ticked has none). Nothing changed at this station. Please check with that station.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="27"/>
        <source>区平台同步服务（{where}）的证书无法验证，未同步，数据未改变。请向区里核对地址；区里用自签证书时，在地址后加 ?ca=证书文件。</source>
        <translation>The certificate of the district sync service ({where}) could not be verified; nothing was synced and no data changed. Check the address with the district; if the district uses its own certificate, add ?ca=CERTIFICATE_FILE to the address.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="46"/>
        <source>区平台同步服务须用 https:// 连接（http:// 只限本机地址）。同步包虽已加密，TLS 还保护谁在何时同步。</source>
        <translation>The district sync service must be reached with https:// (http:// only for this computer&apos;s own address). Bundles are encrypted anyway; TLS also protects who syncs when.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="48"/>
        <source>区平台服务器地址中不要写用户名或密码：站点凭同步包上的站点签名证明身份。</source>
        <translation>Do not put a user name or password in the district server address: a station proves who it is by the station signature on its bundles.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="56"/>
        <source>全市报表汇总各区的全部数字，不能再用 --unit 选单位。</source>
        <translation>A city&apos;s report adds up all of each district&apos;s figures: --unit cannot be used with it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="60"/>
        <source>无法写入文件 {target}：{strerror}</source>
        <translation>Cannot write the file {target}: {strerror}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="62"/>
        <source>“{label}”最多 {limit} 字，且不能含控制字符。</source>
        <translation>“{label}” has at most {limit} characters and no control characters.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="64"/>
        <source>{name}的{period_text}报表已提交（{status_text}），只有被退回的报表才能重新提交。</source>
        <translation>{name}&apos;s report for {period_text} has already been submitted ({status_text}); only a returned report can be submitted again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="66"/>
        <source>备份位置 {parent} 的磁盘空间不足，备份未写出，数据存储未改变。请清理空间或换一个空间更大的位置（例如另一个U盘）后重试。</source>
        <translation>There is not enough disk space at the backup location {parent}: no backup was written and the data store is unchanged. Free some space or choose a location with more room (another USB stick, for example) and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="75"/>
        <source>{name}的{period_text}报表当前为“{status_text}”，只能审核已提交的报表。</source>
        <translation>{name}&apos;s report for {period_text} is &quot;{status_text}&quot;; only a submitted report can be reviewed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="95"/>
        <source>区平台拒收了本站的同步包：签名与区里登记的本站密钥不符。未同步，数据未改变。请联系区里核对本站的登记。</source>
        <translation>The district refused this station&apos;s bundle: its signature does not match the key the district registered for this station. Nothing was synced and no data changed. Ask the district to check this station&apos;s registration.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="102"/>
        <source>站点只连接区平台的同步服务，从不连接区平台的数据库：请填写区里提供的同步服务地址，形如 https://主机:端口，并删除数据库地址。</source>
        <translation>A station connects to the district&apos;s sync service, never to its database: enter the sync service address the district gave you, like https://host:port, and remove the database address.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="107"/>
        <source>予以受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="108"/>
        <source>年龄与出生日期不符（按出生日期应为 {age_on} 岁）。</source>
        <translation>The age does not match the birth date (by the birth date it is {age_on}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="109"/>
        <source>口令或恢复码不正确。开通或停用站点须由密钥持有人输入本数据存储的口令或恢复码。</source>
        <translation>Wrong passphrase or recovery code. Opening or retiring a station needs the key holder to enter this store&apos;s passphrase or recovery code.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="110"/>
        <source>本机没有可用的系统钥匙串，请设置一个口令来保护数据存储。</source>
        <translation>This computer has no usable system keyring: set a passphrase to protect the data store.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="111"/>
        <source>不能为本站自己的单位开通站点。</source>
        <translation>A station cannot be set up for this station&apos;s own unit.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="112"/>
        <source>身份证号中的出生日期 {digits8} 晚于今天</source>
        <translation>The birth date {digits8} in the ID number is later than today</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="113"/>
        <source>报表月份格式应为“2026-11”。</source>
        <translation>The report month must look like &quot;2026-11&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="114"/>
        <source>请记录受害人的选择：同意面对面调解，或要求背对背调解。</source>
        <translation>Record the victim&apos;s choice: a face-to-face session, or separate sessions.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="115"/>
        <source>数据文件 {name} 不见了，只剩密钥文件。请从备份恢复。</source>
        <translation>The data file {name} is missing; only the key file is left. Restore from a backup.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="116"/>
        <source>该案件有待接收的上报/交办，不能“{label}”。请先撤回转介，或等待对方接收或退回。</source>
        <translation>The case has an escalation/assignment awaiting acceptance: cannot “{label}”. Withdraw the referral first, or wait until it is accepted or returned.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="117"/>
        <source>站点名片文件无法读取，请确认是幸福号导出的站点名片。</source>
        <translation>The station card file cannot be read: make sure it is a station card exported by Xingfuhao.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="118"/>
        <source>无法识别的节日“{value}”。</source>
        <translation>Unrecognised holiday “{value}”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="119"/>
        <source>“{label}”请在人身安全保护令中登记。</source>
        <translation>Record “{label}” in the personal safety protection order.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="120"/>
        <source>{what}已被其他用户修改（您打开的是第 {expected} 版，现为第 {current} 版）。您的输入已保留，请核对后再保存。</source>
        <translation>{what} was changed by another user (you opened version {expected}, it is now version {current}). Your input is kept: check it and save again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="121"/>
        <source>到期日不能早于{what}日期。</source>
        <translation>The due date cannot be before the {what} date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="122"/>
        <source>接待登记 JSON 的顶层应为对象（{{…}}）。</source>
        <translation>The top level of the intake JSON must be an object ({{…}}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="123"/>
        <source>调解协议尚未生效，不能记录履行情况。</source>
        <translation>The mediation agreement is not yet in force: its performance cannot be recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="124"/>
        <source>“{label}”时限已在计时。</source>
        <translation>The time limit “{label}” is already running.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="125"/>
        <source>请说明变更的内容或理由。</source>
        <translation>Please say what changed or why.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="126"/>
        <source>身份证号应为 18 位（或旧式 15 位），实际为 {text} 位</source>
        <translation>An ID number has 18 digits (or 15 in the old form); this one has {text}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="127"/>
        <source>月度统计报表由本单位的督导提交，您不能提交该单位的报表。</source>
        <translation>A monthly report is submitted by a supervisor of the unit itself; you cannot submit this unit&apos;s report.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="128"/>
        <source>密钥文件 {name} 已损坏或不是幸福号的密钥文件。</source>
        <translation>The key file {name} is damaged or is not a Xingfuhao key file.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="129"/>
        <source>简要案情过长（{summary} 个字，最多 {SUMMARY_MAX} 个字），请精简，详细材料可作为附件上传。</source>
        <translation>The summary is too long ({summary} characters, at most {SUMMARY_MAX}): shorten it; detailed material can be uploaded as attachments.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="130"/>
        <source>当事人不存在。</source>
        <translation>The party does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="131"/>
        <source>无法连接数据库服务器 {host}:{port}：{first_line}</source>
        <translation>Cannot connect to the database server {host}:{port}: {first_line}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="132"/>
        <source>该排查登记已转为案件{value}。</source>
        <translation>The screening entry has become case {value}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="133"/>
        <source>通知中出现了不同的年份（{join}），请只粘贴一份通知。</source>
        <translation>The notice mentions different years ({join}): paste only one notice.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="134"/>
        <source>同步包来自未登记的站点（{text}），无法确认来源。已拒绝导入，数据未改变。</source>
        <translation>The sync bundle comes from an unregistered station ({text}); its origin cannot be confirmed. Import refused, data unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="135"/>
        <source>无法读取文件 {path}：{strerror}</source>
        <translation>Cannot read the file {path}: {strerror}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="137"/>
        <source>使用 --against server 时，请用 --server 指定区服务器数据存储地址。</source>
        <translation>With --against server, give the district server&apos;s data store address with --server.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="138"/>
        <source>附件内容不存在。</source>
        <translation>The attachment content does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="139"/>
        <source>没有名为“{name}”的单位。</source>
        <translation>No unit named “{name}”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="140"/>
        <source>案号前缀“{prefix}”已被“{value}”使用，请换一个。</source>
        <translation>The case number prefix “{prefix}” is already used by “{value}”: choose another.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="141"/>
        <source>数据库服务器拒绝登录：用户名或密码不正确（{user}@{host}）。请检查{where}，或在“数据库服务器设置”中重新输入密码。</source>
        <translation>The database server refused the login: wrong user name or password ({user}@{host}). Check {where}, or enter the password again in “Database server settings”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="142"/>
        <source>需要 17 位数字，得到 {first17}</source>
        <translation>17 digits needed, got {first17}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="143"/>
        <source>“{label}”的人数最多 {PERSONS_MAX} 人，请核对。</source>
        <translation>“{label}” can concern at most {PERSONS_MAX} persons; please check.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="144"/>
        <source>排查登记不存在或不在您的管辖范围内。</source>
        <translation>The screening entry does not exist or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="146"/>
        <source>决定日期须在申请日期之后、不晚于今天。</source>
        <translation>The decision date must be after the application date and not later than today.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="147"/>
        <source>所选调解员不存在、已停用或不在您的管辖范围内。</source>
        <translation>The selected mediator does not exist, is disabled, or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="148"/>
        <source>说明最多 {MAX_DESCRIPTION} 字。</source>
        <translation>A description has at most {MAX_DESCRIPTION} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="149"/>
        <source>“重复访”应为是或否。</source>
        <translation>“Repeat visit” should be yes or no.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="151"/>
        <source>保护令作出日期不能早于申请日期。</source>
        <translation>The date the order was made cannot be before the application date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="152"/>
        <source>该结案申请没有载明信访处理意见（支持、解释说明或不予支持）及其事实和依据，不能批准。请驳回，由承办人重新申请结案并填写处理意见。</source>
        <translation>This closure request states no petition handling opinion (support, explanation or no support) with its facts and grounds, and cannot be approved. Reject it so the handler applies again with the opinion.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="153"/>
        <source>密码需同时包含字母、数字或符号中的至少两类。</source>
        <translation>The password must contain at least two of: letters, digits, symbols.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="154"/>
        <source>同步包 {name} 没有审计检查点（由较早版本的程序生成），无法据此校验。</source>
        <translation>The sync bundle {name} has no audit checkpoint (made by an older program version) and cannot be verified with it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="155"/>
        <source>请选择已登记人员或填写新人员，二者只选其一。</source>
        <translation>Choose a registered person or enter a new one, not both.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="156"/>
        <source>身份证号必须是文本</source>
        <translation>The ID number must be text</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="157"/>
        <source>住址过长（最多 300 个字）。</source>
        <translation>The address is too long (at most 300 characters).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="158"/>
        <source>未知的设置项：{name}</source>
        <translation>Unknown setting: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="159"/>
        <source>数据文件已损坏，或不是幸福号的数据存储，无法打开。文件未被改动。</source>
        <translation>The data file is damaged, or is not a Xingfuhao data store, and cannot be opened. The file was not changed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="160"/>
        <source>没有案件“{case}”，或不在管辖范围内。</source>
        <translation>No case “{case}”, or it is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="161"/>
        <source>区服务器的数据结构版本与本程序不同，请先让区里升级，或改用同步包文件。</source>
        <translation>The district server&apos;s data structure version differs from this program: have the district upgrade first, or use a sync bundle file.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="162"/>
        <source>书面或当面报案请填写公安机关出具的回执或受案编号。</source>
        <translation>For a report made in writing or in person, enter the receipt or case number the police gave.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="163"/>
        <source>没有名为“{unit}”的单位。</source>
        <translation>No unit named “{unit}”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="164"/>
        <source>只有接收单位（{unit_name_of}）的工作人员可以接收或退回该转介。</source>
        <translation>Only staff of the receiving unit ({unit_name_of}) can accept or return this referral.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="165"/>
        <source>“{label}”须写全称，以“{COMMITTEE_SUFFIX}”结尾，例如“郭亮村{COMMITTEE_SUFFIX2}”。</source>
        <translation>“{label}” must be the full name, ending in “{COMMITTEE_SUFFIX}”, for example “郭亮村{COMMITTEE_SUFFIX2}”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="166"/>
        <source>依据条文最多选 {MAX_CHOSEN} 条。</source>
        <translation>Choose at most {MAX_CHOSEN} articles.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="167"/>
        <source>对方单位的答复只能是“已接收”或“已拒绝”；反馈请用“登记反馈”。</source>
        <translation>The other unit&apos;s reply can only be “accepted” or “refused”; record feedback with “Record feedback”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="168"/>
        <source>服务器连接设置 {name} 已损坏，请重新设置（fulian server set）。</source>
        <translation>The server connection settings {name} are damaged: set them again (fulian server set).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="169"/>
        <source>{join}出现了两次：同一个区的数字不能汇总两遍。</source>
        <translation>{join} appears twice: one district&apos;s figures cannot be added twice.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="170"/>
        <source>裁定时间不能早于法院受理申请的时间。</source>
        <translation>The ruling time cannot be before the court accepted the application.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="171"/>
        <source>第 {result} 条协议内容须写明履行人和履行事项。</source>
        <translation>Term {result} of the agreement must name who performs and what.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="172"/>
        <source>该账号已停用，请联系管理员。</source>
        <translation>This account is disabled: contact an administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="173"/>
        <source>该时限已停止。</source>
        <translation>The time limit has stopped.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="174"/>
        <source>只有集体访才登记代表；请勾选“集体访”或清空代表。</source>
        <translation>Representatives are only recorded for a group visit: tick “Group visit” or clear the representatives.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="175"/>
        <source>所选单位不存在或不在您的管辖范围内。</source>
        <translation>The selected unit does not exist or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="176"/>
        <source>身份证号中的出生日期 {digits8} 不存在</source>
        <translation>The birth date {digits8} in the ID number does not exist</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="178"/>
        <source>已有待审批的“{value}”申请，请等待督导审批。</source>
        <translation>A “{value}” request is already awaiting approval: wait for the supervisor&apos;s decision.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="179"/>
        <source>用户名或密码不正确。</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="180"/>
        <source>区平台拒收了本站的同步包：区平台上没有登记本站。未同步，数据未改变。请检查“区平台服务器地址”，或联系区里。</source>
        <translation>The district refused this station&apos;s bundle: this station is not registered there. Nothing was synced and no data changed. Check the &quot;District server address&quot; or contact the district.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="181"/>
        <source>舆情线索不存在或不在您的管辖范围内。</source>
        <translation>The public-opinion lead does not exist or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="182"/>
        <source>手机号段 {value} 未启用或不存在：{raw}，请核对号码</source>
        <translation>Mobile prefix {value} is not in use or does not exist: {raw}. Check the number</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="183"/>
        <source>未能连接区平台（{host}:{port}），数据未改变。请检查网络，或改用U盘交换。</source>
        <translation>Could not reach the district platform ({host}:{port}); nothing was changed. Check the network, or exchange by USB drive instead.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="184"/>
        <source>防止民转刑、防止自杀、制止群体性上访等结案成效只在申请结案时填写。</source>
        <translation>Closure outcomes (prevented crime, prevented suicide, stopped group petition) are entered only when requesting closure.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="185"/>
        <source>“{name}”一条没有内容。</source>
        <translation>The entry “{name}” is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="186"/>
        <source>请给出要核验的 PDF 文件，或用 --code 给出核验码（二者选一）。</source>
        <translation>Give the PDF file to verify, or the verification code with --code (one of the two).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="187"/>
        <source>强制报告事项不存在。</source>
        <translation>The mandatory report does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="188"/>
        <source>服务器上的数据存储缺少标识信息，可能已损坏。</source>
        <translation>The data store on the server lacks its identity information and may be damaged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="189"/>
        <source>“{label}”每行不能超过 {MAX_LINE} 字。</source>
        <translation>Each line of “{label}” has at most {MAX_LINE} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="190"/>
        <source>转介记录不存在。</source>
        <translation>The referral record does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="191"/>
        <source>服务器数据库 {database} 中没有幸福号的数据存储。</source>
        <translation>The server database {database} holds no Xingfuhao data store.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="192"/>
        <source>{unit_name}的报表格式与{unit_name2}的不同（两处程序版本不一致？），不能逐栏相加。请先将各区升级到同一版本。</source>
        <translation>The report of {unit_name} is laid out differently from that of {unit_name2} (different program versions?), so they cannot be added column by column. Upgrade every district to the same version first.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="193"/>
        <source>填写的内容过长（最多 {limit} 个字）。</source>
        <translation>The text is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="194"/>
        <source>受害人无法表示同意时，须写明原因（如无民事行为能力、限制民事行为能力，或因受强制、威吓无法申请）。</source>
        <translation>If the victim cannot consent, state why (e.g. no or limited civil capacity, or unable to apply under coercion or intimidation).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="196"/>
        <source>“{label}”应为逐行填写的列表。</source>
        <translation>“{label}” must be a list, one item per line.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="197"/>
        <source>输出文件须以 .pdf 或 .xlsx 结尾。</source>
        <translation>The output file must end in .pdf or .xlsx.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="198"/>
        <source>同步包不完整或已损坏（可能只复制了一部分），已拒绝导入，数据未改变。请重新复制或让对方重新导出。</source>
        <translation>The sync bundle is incomplete or damaged (perhaps only partly copied). Import refused, data unchanged. Copy it again or ask the other side to export again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="199"/>
        <source>该服务器上的数据存储不是本站的区平台，未同步，数据未改变。请检查“区平台服务器地址”。</source>
        <translation>The data store on that server is not this station&apos;s district platform; nothing was synced or changed. Check the “district server address”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="201"/>
        <source>已超过司法确认申请期限：协议于 {isoformat} 生效，应于 {isoformat2} 前（含当日）共同申请，申请日期为 {isoformat3}（人民调解法第三十三条）。当事人可就协议履行或内容向人民法院提起诉讼（第三十二条）。</source>
        <translation>The time for applying for judicial confirmation has passed: the agreement took effect on {isoformat}, the joint application was due by {isoformat2} (inclusive), the application date is {isoformat3} (People&apos;s Mediation Law, art. 33). The parties may sue in a people&apos;s court over performance or content of the agreement (art. 32).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="202"/>
        <source>文件“{filename}”超过了大小上限，未添加。</source>
        <translation>The file “{filename}” exceeds the size limit and was not added.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="204"/>
        <source>“{name}”一条无法识别放假日期：“{value}”。应为“1月1日（周五）至3日（周日）放假调休，共3天”这样的写法。</source>
        <translation>The entry “{name}” has holiday dates that cannot be read: “{value}”. Expected a form like “1月1日（周五）至3日（周日）放假调休，共3天”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="205"/>
        <source>请填写{label}。</source>
        <translation>Please fill in {label}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="207"/>
        <source>答复时间须带时区。</source>
        <translation>The reply time must carry a time zone.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="208"/>
        <source>最上级单位必须是区。</source>
        <translation>The top unit must be a district.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="209"/>
        <source>年龄应为 0 到 {MAX_AGE} 之间的整数。</source>
        <translation>The age must be a whole number from 0 to {MAX_AGE}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="210"/>
        <source>文件 {name} 过大，不是幸福号的同步包。</source>
        <translation>The file {name} is too large to be a Xingfuhao sync bundle.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="211"/>
        <source>区平台未能接收本站的同步包（{safe}），数据未改变。请联系区里的管理员。</source>
        <translation>The district could not take this station&apos;s bundle ({safe}); no data changed. Contact the district&apos;s administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="212"/>
        <source>请通过环境变量 {ENV_CODE} 提供开通码。</source>
        <translation>Give the set-up code in the environment variable {ENV_CODE}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="213"/>
        <source>未成年子女和证人不作为协议签署方（由监护人代为签署）。</source>
        <translation>Minor children and witnesses do not sign the agreement (their guardians sign for them).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="214"/>
        <source>{label}过长（最多 {MAX_FIELD} 个字）。</source>
        <translation>{label} is too long (at most {MAX_FIELD} characters).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="215"/>
        <source>无法读取同步包 {file}：{strerror}</source>
        <translation>Cannot read the sync bundle {file}: {strerror}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="216"/>
        <source>该舆情线索已排除。如需立案，请先恢复为待处理。</source>
        <translation>This public-opinion lead was dismissed. To open a case, restore it to pending first.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="217"/>
        <source>多人走访应推选代表（不超过 5 人），请登记代表姓名。</source>
        <translation>A visit by several people should choose representatives (at most 5): record their names.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="218"/>
        <source>“{name}”已登记了另一个站点。每个单位只登记一个站点。</source>
        <translation>“{name}” already has another station registered. Each unit registers only one station.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="219"/>
        <source>身份证号不能为空</source>
        <translation>The ID number cannot be empty</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="220"/>
        <source>端口应为 1–65535 之间的数字。</source>
        <translation>The port must be a number from 1 to 65535.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="221"/>
        <source>新密码不能与原密码相同。</source>
        <translation>The new password cannot be the same as the old one.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="222"/>
        <source>以用户身份执行时，请用环境变量 {ENV_USER_PASSWORD} 提供密码。</source>
        <translation>When running as a user, give the password in the environment variable {ENV_USER_PASSWORD}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="223"/>
        <source>“{label}”应为文字。</source>
        <translation>“{label}” must be text.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="225"/>
        <source>不能平级转介：{name}与{name2}同为{label}级单位。{hint}</source>
        <translation>Cannot refer sideways: {name} and {name2} are both {label}-level units. {hint}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="226"/>
        <source>不能修改这些字段：{join}</source>
        <translation>These fields cannot be changed: {join}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="227"/>
        <source>{what}须带时区。</source>
        <translation>{what} must carry a time zone.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="228"/>
        <source>找不到文件“{name}”，或它不是一个文件。</source>
        <translation>File “{name}” not found, or it is not a file.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="229"/>
        <source>申请日期（{isoformat}）早于协议生效日期（{isoformat2}）。</source>
        <translation>The application date ({isoformat}) is before the agreement took effect ({isoformat2}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="230"/>
        <source>同一上级下已有“{name}”。</source>
        <translation>The same parent already has “{name}”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="231"/>
        <source>“{where}”：日期缺少月份。</source>
        <translation>“{where}”: a date lacks the month.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="232"/>
        <source>信访案件结案须选择处理意见：支持、解释说明或不予支持。</source>
        <translation>Closing a petition case needs a handling opinion: support, explanation, or no support.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="233"/>
        <source>两次输入不一致。</source>
        <translation>The two entries do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="234"/>
        <source>案件当前为“{label}”，已办结，不能{what}。如需继续办理，请先“重新办理”。</source>
        <translation>The case is currently “{label}”, concluded: cannot {what}. To continue, first “Reopen”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="235"/>
        <source>电话号码必须是文本</source>
        <translation>The phone number must be text</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="236"/>
        <source>接待时间须带时区（内部错误：请传入带时区的时间）。</source>
        <translation>The visit time must carry a time zone (internal error: pass a time with a time zone).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="237"/>
        <source>本数据存储不是同步站点，区服务器上没有它的检查点。</source>
        <translation>This data store is not a sync station; the district server has no checkpoint of it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="238"/>
        <source>审计检查点格式不正确（不是幸福号生成的，或已被改动），无法据此校验。</source>
        <translation>The audit checkpoint is malformed (not made by Xingfuhao, or altered) and cannot be used to verify.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="239"/>
        <source>未经当事人同意转介，须写明理由（例如当事人无法表达意愿且情况紧急）。</source>
        <translation>A referral without the party&apos;s consent needs a reason (e.g. the party cannot express her wishes and it is urgent).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="240"/>
        <source>月度统计报表由上一级单位的督导审核，您不能审核该报表。</source>
        <translation>A monthly report is reviewed by a supervisor of the unit directly above; you cannot review this report.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="241"/>
        <source>当场告知</source>
        <translation>Told on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="242"/>
        <source>逾期天数须在 1 到 365 天之间。</source>
        <translation>The overdue limit must be between 1 and 365 days.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="243"/>
        <source>该次调解已记录，笔录不能重写。</source>
        <translation>This mediation session is already recorded: the minutes cannot be rewritten.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="244"/>
        <source>请说明期限由谁确定（如法院裁定书载明的到期日）。</source>
        <translation>Please say who set the time limit (e.g. the due date stated in the court&apos;s ruling).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="245"/>
        <source>已有区级单位，一个数据存储只设一个区。</source>
        <translation>There is already a district unit; a data store has only one district.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="246"/>
        <source>{root} 中已有数据存储。恢复不会覆盖现有数据，请指定一个新的空文件夹。</source>
        <translation>{root} already holds a data store. Restoring never overwrites existing data: choose a new, empty folder.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="247"/>
        <source>密码连续错误 {MAX_FAILURES} 次，账号已锁定，请 {minutes} 分钟后再试，或请管理员解锁。</source>
        <translation>{MAX_FAILURES} wrong passwords in a row: the account is locked. Try again in {minutes} minutes, or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="248"/>
        <source>该报表已被他人更改（可能刚同步到新的审核结果），请刷新后再操作。</source>
        <translation>This report was changed by someone else (perhaps a new review just arrived by sync). Refresh and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="249"/>
        <source>备份 {name} 没有审计检查点（由较早版本的程序生成），无法据此校验。</source>
        <translation>The backup {name} has no audit checkpoint (made by an older program version) and cannot be verified with it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="250"/>
        <source>信访人评价无效：{value}（只能是满意、基本满意、不满意或未评价）。</source>
        <translation>Invalid petitioner evaluation: {value} (it can only be satisfied, basically satisfied, dissatisfied or not evaluated).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="251"/>
        <source>文件 {source} 过大：一次接待登记的 JSON 最多 {MAX_JSON_BYTES} KB。</source>
        <translation>The file {source} is too large: an intake JSON has at most {MAX_JSON_BYTES} KB.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="252"/>
        <source>涉及金额请填写数字（元），例如 12345.50、12,345.50 或 1.2万。</source>
        <translation>Enter the amount involved as a number (yuan), e.g. 12345.50, 12,345.50 or 1.2万 (12,000).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="253"/>
        <source>无法写入 {folder}：{strerror}。请检查U盘是否写保护或已满。已导入的同步包不受影响。</source>
        <translation>Cannot write to {folder}: {strerror}. Check whether the USB drive is write-protected or full. Bundles already imported are not affected.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="254"/>
        <source>该提醒已处理或不在您的管辖范围内。</source>
        <translation>The reminder was already dealt with or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="255"/>
        <source>{BAD}再错 {left} 次账号将被锁定 {LOCK_MINUTES} 分钟。</source>
        <translation>{BAD} After {left} more wrong attempts the account will be locked for {LOCK_MINUTES} minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="256"/>
        <source>到期日不能早于开始计时的日期。</source>
        <translation>The due date cannot be before the date the clock started.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="257"/>
        <source>{period_text}尚未结束，月末之后才能提交该月报表。</source>
        <translation>{period_text} has not ended yet; its report can be submitted after the month ends.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="258"/>
        <source>未经当事人同意的转介须由督导决定；请先取得当事人同意。</source>
        <translation>A referral without the party&apos;s consent must be decided by a supervisor; obtain the party&apos;s consent first.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="259"/>
        <source>只有发送单位（{unit_name_of}）可以撤回该转介{value}。</source>
        <translation>Only the sending unit ({unit_name_of}) can withdraw this referral{value}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="260"/>
        <source>该次调解已取消，不能记录。</source>
        <translation>This mediation session was cancelled: it cannot be recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="262"/>
        <source>安全计划中没有这些栏目：{join}</source>
        <translation>The safety plan has no such sections: {join}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="263"/>
        <source>固定电话区号 0{area} 不存在：{raw}，请核对区号，如 {EXAMPLE}</source>
        <translation>Landline area code 0{area} does not exist: {raw}. Check the area code, e.g. {EXAMPLE}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="264"/>
        <source>姓名过长（最多 50 个字）。</source>
        <translation>The name is too long (at most 50 characters).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="266"/>
        <source>{what}无效：{value}（可选：{choices}）。</source>
        <translation>{what} is invalid: {value} (choose from: {choices}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="267"/>
        <source>没有可汇总的区报表。</source>
        <translation>There are no district reports to add up.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="268"/>
        <source>服务器上数据存储升级失败，原数据未改变。</source>
        <translation>Upgrading the data store on the server failed; the original data is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="269"/>
        <source>“{label}”只能延长一次，已延长 {extended_days} 天</source>
        <translation>“{label}” can be extended only once; already extended by {extended_days} days</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="270"/>
        <source>无法读取 TLS 证书或私钥（{cert}、{key}）。</source>
        <translation>Cannot read the TLS certificate or private key ({cert}, {key}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="271"/>
        <source>只有信访案件结案时填写处理意见（支持、解释说明、不予支持）；本案为“{label}”案件，不能填写。</source>
        <translation>A handling opinion (support, explanation, no support) is only given when closing a petition case; this is a “{label}” case.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="272"/>
        <source>延长天数不能为负数</source>
        <translation>The number of days extended cannot be negative</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="273"/>
        <source>所选安全评估不属于本案或已用于另一次调解，请重新评估。</source>
        <translation>The chosen safety screening does not belong to this case or was already used for another session; screen again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="274"/>
        <source>代表姓名不能为空。</source>
        <translation>A representative&apos;s name cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="275"/>
        <source>区平台拒收了本站的同步包：本站已被区里停用，其密钥不再受信任。未同步，数据未改变。如本站换了电脑，请让区里重新开通站点。</source>
        <translation>The district refused this station&apos;s bundle: the district has retired this station and no longer trusts its key. Nothing was synced and no data changed. If this station got a new computer, ask the district to provision the station again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="276"/>
        <source>投诉子类</source>
        <translation>Complaint subcategory</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="277"/>
        <source>不能越级交办：{name}不是{name2}的直属下级单位。{hint}</source>
        <translation>Cannot skip a level downwards: {name} is not a direct subordinate unit of {name2}. {hint}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="278"/>
        <source>该账号的角色或所属单位已被更改（现为{role_label}），本次登录已失效，请重新登录。</source>
        <translation>The role or unit of this account changed (now {role_label}); this login is no longer valid. Log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="279"/>
        <source>本站的同步包超过了区平台一次接收的上限，已被拒收，数据未改变。请改用U盘交换。</source>
        <translation>This station&apos;s bundle exceeds what the district accepts at once and was refused; no data changed. Exchange by USB drive instead.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="280"/>
        <source>第 {number} 行：{isoformat} 前面已登记为{value}，前后矛盾</source>
        <translation>Line {number}: {isoformat} was already entered as {value} above; the lines contradict each other</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="282"/>
        <source>“{name}”已开通站点。</source>
        <translation>“{name}” already has a station.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="283"/>
        <source>文件 {source} 的 JSON 嵌套过深。</source>
        <translation>The JSON in {source} is nested too deeply.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="284"/>
        <source>同步包内容的格式不正确（记录结构无效），无法导入。已拒绝导入，数据未改变。</source>
        <translation>The sync bundle&apos;s content is malformed (invalid record structure) and cannot be imported. Import refused, data unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="285"/>
        <source>案件已在{name}，不能转介给本单位。</source>
        <translation>The case is already with {name}: cannot refer it to its own unit.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="286"/>
        <source>上级单位不存在。</source>
        <translation>The parent unit does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="287"/>
        <source>本站的这条记录在您核对期间又被修改。您的选择未保存，请刷新后重新核对。</source>
        <translation>This station&apos;s record was changed again while you were checking it. Your choice was not saved: refresh and check again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="288"/>
        <source>未找到数据存储：{root}。请先创建（fulian init 或首次启动向导）。</source>
        <translation>Data store not found: {root}. Create it first (fulian init or the first-start wizard).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="289"/>
        <source>调解员已于 {format_local} 签名。</source>
        <translation>The mediator signed on {format_local}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="290"/>
        <source>{name}的{period_text}报表，统计数字与该站点的签名不符（数字在提交后被改动过），不能审核。请退回或与该单位核实。</source>
        <translation>The figures of {name}&apos;s report for {period_text} do not match its station&apos;s signature (they were changed after submission) and cannot be reviewed. Return it or check with the unit.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="291"/>
        <source>服务器上数据存储的结构版本（{current}）比本程序新，请升级程序后再打开。</source>
        <translation>The structure version of the data store on the server ({current}) is newer than this program: upgrade the program, then open it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="292"/>
        <source>承办人不存在或不在本单位管辖范围内。</source>
        <translation>The handler does not exist or is outside this unit&apos;s jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="293"/>
        <source>未知的设置项：{key}</source>
        <translation>Unknown setting: {key}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="294"/>
        <source>该时限未暂停。</source>
        <translation>The time limit is not paused.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="295"/>
        <source>“{label}”须填写理由或说明。</source>
        <translation>“{label}” needs a reason or explanation.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="296"/>
        <source>{exc} 请输入口令或恢复码。</source>
        <translation>{exc} Please enter the passphrase or the recovery code.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="297"/>
        <source>涉及金额过大，请核对（最多一百亿元）。</source>
        <translation>The amount involved is too large; please check (at most 10 billion yuan).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="298"/>
        <source>备份文件已损坏或不完整：{rstrip}。请换用另一份备份，或重新备份。</source>
        <translation>The backup file is damaged or incomplete: {rstrip}. Use another backup, or back up again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="299"/>
        <source>时间须包含时区。</source>
        <translation>The time must include a time zone.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="301"/>
        <source>只有“转办”才填写转办去向。</source>
        <translation>The transfer destination is only given for “Transfer”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="302"/>
        <source>{last} 年已停用</source>
        <translation>retired in {last}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="303"/>
        <source>该材料（{label}）为敏感材料，您的角色（{label2}）没有“查看敏感证据材料”的权限。如需查看，请联系督导。</source>
        <translation>This material ({label}) is sensitive; your role ({label2}) lacks the right “View sensitive evidence”. Ask a supervisor if you need to see it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="305"/>
        <source>通知不完整，缺少：{join}。请粘贴通知全文。</source>
        <translation>The notice is incomplete; missing: {join}. Paste the full notice.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="306"/>
        <source>已勾选“{label}”：请填写涉及人数（至少 1 人）。</source>
        <translation>“{label}” is ticked: enter the persons concerned (at least 1).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="307"/>
        <source>无法读取密钥文件 {key_file}：{strerror}</source>
        <translation>Cannot read the key file {key_file}: {strerror}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="309"/>
        <source>固定电话位数不对：区号 0{area} 的号码应为 {length} 位，“{raw}”是 {local} 位</source>
        <translation>Wrong number of digits for a landline: numbers in area 0{area} have {length} digits, “{raw}” has {local}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="310"/>
        <source>请至少写明一项请求的保护措施（反家庭暴力法第二十七条：有具体的请求）。</source>
        <translation>Name at least one protection measure requested (Anti-Domestic Violence Law, art. 27: specific requests).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="311"/>
        <source>调解不成的，须告知当事人可以依法通过{names}等途径维护自己的权利（人民调解法第二十六条）。尚未确认告知：{join}。</source>
        <translation>When mediation fails, the parties must be told they can protect their rights through {names} and other lawful channels (People&apos;s Mediation Law, art. 26). Not yet confirmed as told: {join}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="312"/>
        <source>文件 {source} 不是有效的 JSON：第 {lineno} 行第 {colno} 列，{msg}。</source>
        <translation>The file {source} is not valid JSON: line {lineno}, column {colno}, {msg}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="314"/>
        <source>{what}不存在或不在您的管辖范围内。</source>
        <translation>{what} does not exist or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="315"/>
        <source>“{label}”不能超过 {MAX_TEXT} 字。</source>
        <translation>“{label}” cannot exceed {MAX_TEXT} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="316"/>
        <source>口令或恢复码不属于当前打开的数据存储。</source>
        <translation>The passphrase or recovery code does not belong to the store that is open.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="317"/>
        <source>安全评估的对象是受害人：请选择本案的受害人或申请人。</source>
        <translation>The safety screening is of the victim: choose the victim or the applicant of this case.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="318"/>
        <source>“{category}”没有子类。</source>
        <translation>“{category}” has no subcategories.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="319"/>
        <source>“{label}”最多 {MAX_LINES} 行。</source>
        <translation>“{label}” has at most {MAX_LINES} lines.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="321"/>
        <source>同步包含 {rows} 条记录，超过一次导入的上限 {MAX_ROWS} 条，已拒绝导入，数据未改变。</source>
        <translation>The sync bundle holds {rows} records, more than the {MAX_ROWS} allowed in one import. Import refused, data unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="322"/>
        <source>此数据存储已有数据，只能在新建的空数据存储上开通站点。</source>
        <translation>This data store already holds data: a station can only be set up on a new, empty data store.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="323"/>
        <source>该排查登记已化解。</source>
        <translation>The screening entry is already resolved.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="324"/>
        <source>{name}的{period_text}报表，统计数字与该站点的签名不符（提交后被改动过），汇总已停止。请与该单位核实，由其重新报送。</source>
        <translation>The figures of {name}&apos;s report for {period_text} do not match its station&apos;s signature (they were changed after submission); consolidation stopped. Check with the unit and have it report again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="325"/>
        <source>工作日历由区妇联统一确认，经同步下发到各站点；本站点不能修改。</source>
        <translation>The working calendar is confirmed by the district Women&apos;s Federation and sent to the stations by sync; this station cannot change it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="326"/>
        <source>这是层级转介，由接收单位在系统中接收或退回。</source>
        <translation>This is a referral within the hierarchy: the receiving unit accepts or returns it in the system.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="327"/>
        <source>数据存储尚未设置组织机构，无法同步。</source>
        <translation>The data store has no organisation set up yet and cannot synchronise.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="328"/>
        <source>您的角色（{label}）不能授予或管理{label2}账号：不能授予自己没有的权限。{who}密钥持有人在命令行中办理（fulian user add / fulian user passwd）。</source>
        <translation>Your role ({label}) cannot grant or manage {label2} accounts: you cannot grant rights you do not have. {who}the key holder on the command line (fulian user add / fulian user passwd).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="329"/>
        <source>本案涉及家庭暴力：请确认家庭暴力本身不是本协议的条款（协议只处理民事事项，不免除、不分担施暴责任，不以任何条件换取受害人放弃保护手段）。</source>
        <translation>This case involves domestic violence: confirm that the violence itself is not a term of this agreement (the agreement settles civil matters only; it does not excuse or share the blame for the violence, and trades nothing for the victim giving up protection).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="330"/>
        <source>无法识别文件 {name}：既不是幸福号的备份，也不是同步包。</source>
        <translation>Cannot recognise the file {name}: it is neither a Xingfuhao backup nor a sync bundle.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="331"/>
        <source>案件当前为“{label}”，不能“{label2}”。此时可以：{can}。</source>
        <translation>The case is currently “{label}”: cannot “{label2}”. Possible now: {can}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="332"/>
        <source>请填写来访人姓名（不愿透露的可填“匿名”）。</source>
        <translation>Please fill in the visitor&apos;s name (“匿名” if she will not say).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="333"/>
        <source>“{name}”：{label} 既是放假日又是上班日，请核对。</source>
        <translation>“{name}”: {label} is both a holiday and a working day; please check.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="334"/>
        <source>未知的数据表：{table_name}</source>
        <translation>Unknown table: {table_name}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="336"/>
        <source>请写明退回原因，让报送单位知道要更正什么。</source>
        <translation>Give the reason for returning it, so the unit knows what to correct.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="337"/>
        <source>身份证号校验位错误：应为 {expected}，实际为 {value}</source>
        <translation>Wrong check digit in the ID number: should be {expected}, is {value}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="338"/>
        <source>这是本站自己的名片，不能登记为对方站点。</source>
        <translation>This is this station&apos;s own card: it cannot be registered as the other station.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="339"/>
        <source>单位不存在。</source>
        <translation>The unit does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="340"/>
        <source>备份副本完整性检查未通过（{integrity}），备份未写出。</source>
        <translation>The backup copy failed its integrity check ({integrity}); the backup was not written.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="341"/>
        <source>所选人员不存在或不在您的管辖范围内。</source>
        <translation>The selected person does not exist or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="342"/>
        <source>{name}已在{name2}的排查名册中，请在原登记上走访或修改。</source>
        <translation>{name} is already in the screening register of {name2}: record the visit or change it on the existing entry.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="343"/>
        <source>只有已排除的舆情线索可以恢复为待处理。</source>
        <translation>Only a dismissed public-opinion lead can be restored to pending.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="344"/>
        <source>不能越级上报：{name}的上级是{name2}，不能直接转介给{name3}。{hint}</source>
        <translation>Cannot skip a level upwards: the parent of {name} is {name2}; cannot refer directly to {name3}. {hint}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="345"/>
        <source>服务器数据库 {database} 不是空的，为防止覆盖，已拒绝创建。</source>
        <translation>The server database {database} is not empty; creating refused to avoid overwriting it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="346"/>
        <source>案件已不在发送单位名下（可能已被其他转介移交），该转介无法接收。请刷新后查看。</source>
        <translation>The case is no longer with the sending unit (perhaps handed on by another referral); this referral cannot be accepted. Refresh to see.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="347"/>
        <source>尚未申请司法确认。</source>
        <translation>Judicial confirmation has not been applied for.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="350"/>
        <source>请填写疏导记录。</source>
        <translation>Please fill in the counselling record.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="351"/>
        <source>行政区划代码应为 6 位数字，得到 {area}</source>
        <translation>A region code has 6 digits, got {area}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="353"/>
        <source>受理法院名称过长（最多 200 个字）。</source>
        <translation>The court name is too long (at most 200 characters).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="354"/>
        <source>数据库服务器要求密码，但没有提供（{user}@{host}）：请设置环境变量 {ENV_PASSWORD}，或在“数据库服务器设置”中输入密码（保存在系统钥匙串）。</source>
        <translation>The database server asks for a password but none was given ({user}@{host}): set the environment variable {ENV_PASSWORD}, or enter the password in “Database server settings” (kept in the system keyring).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="356"/>
        <source>手机号码没有分机号：{raw}</source>
        <translation>Mobile numbers have no extension: {raw}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="357"/>
        <source>本机没有可用的系统钥匙串，请设置一个口令来保护备份密钥。</source>
        <translation>This computer has no usable system keyring: set a passphrase to protect the backup key.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="358"/>
        <source>请选择关联对象的类型。</source>
        <translation>Choose the kind of linked item.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="359"/>
        <source>该案件已于 {format_local} {verb}给{unit_name_of}，正等待接收。请等对方处理，或先撤回再转介。</source>
        <translation>This case was {verb} to {unit_name_of} on {format_local} and is waiting to be accepted. Wait for them, or withdraw it before referring it again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="360"/>
        <source>人数应为不小于 1 的整数。</source>
        <translation>The number of people must be a whole number of at least 1.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="361"/>
        <source>{label}下只能设{value}。</source>
        <translation>Under {label} only {value} can be set.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="362"/>
        <source>请填写疏导时间。</source>
        <translation>Please fill in the counselling time.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="363"/>
        <source>“{name}”：{label}至{label2}是 {days} 天，通知写的是共{stated}天。</source>
        <translation>“{name}”: {label} to {label2} is {days} days, the notice says {stated} days in all.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="364"/>
        <source>数据存储的结构版本（{current}）比本程序新，请升级程序后再打开。</source>
        <translation>The data store&apos;s structure version ({current}) is newer than this program: upgrade the program, then open it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="365"/>
        <source>无法在 {host}:{port} 上监听：{strerror}。</source>
        <translation>Cannot listen on {host}:{port}: {strerror}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="366"/>
        <source>您的角色（{label}）没有“{value}”的权限。</source>
        <translation>Your role ({label}) does not have the right “{value}”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="367"/>
        <source>找不到此数据存储的密钥文件，无法备份。</source>
        <translation>The key file of this data store was not found; cannot back up.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="368"/>
        <source>标记为“{join}”的来访须立案（受理、不予受理或转办），才能做危险评估并跟进。</source>
        <translation>A visit marked “{join}” must open a case (accept, reject or transfer) before a danger assessment and follow-up can be made.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="369"/>
        <source>服务器数据库 {database} 中还没有数据存储，请先用 fulian init --server 创建。</source>
        <translation>The server database {database} has no data store yet: create one first with fulian init --server.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="370"/>
        <source>区平台缺少本站更早的变更（例如区里从较早的备份恢复过），拒收了本站的同步包。未同步，数据未改变。请导出完整同步包（fulian sync export --full）交给区里。</source>
        <translation>The district lacks earlier changes of this station (for example it was restored from an older backup) and refused this station&apos;s bundle. Nothing was synced and no data changed. Export a full bundle (fulian sync export --full) and give it to the district.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="371"/>
        <source>不能修改自己的{what}，请由其他管理员办理。</source>
        <translation>You cannot change your own {what}: ask another administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="372"/>
        <source>只能查看自己的预约。</source>
        <translation>You can only see your own appointments.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="373"/>
        <source>区平台正在与其他站点同步，请稍后再试。未同步，数据未改变。</source>
        <translation>The district is syncing with another station; please try again later. Nothing was synced and no data changed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="374"/>
        <source>本案属婚姻家庭纠纷，不能告知当事人申请仲裁：{ARBITRATION_EXCLUDED_BASIS}。</source>
        <translation>This is a marriage and family dispute: the parties cannot be told to apply for arbitration: {ARBITRATION_EXCLUDED_BASIS}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="375"/>
        <source>输出文件须以 .pdf 结尾。</source>
        <translation>The output file must end in .pdf.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="376"/>
        <source>发现日期不能晚于今天。</source>
        <translation>The discovery date cannot be later than today.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="377"/>
        <source>“{where}”：{month_value}月{d}日 不是有效日期。</source>
        <translation>“{where}”: {month_value}/{d} is not a valid date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="378"/>
        <source>无法按所选方式合并这些字段：{join}</source>
        <translation>These fields cannot be merged the way chosen: {join}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="379"/>
        <source>已拒绝来自{sender_name}的同步包：调解协议（编号 {rid}）的涉及金额无效（须为 0 至一百亿元）。本站数据未改变。请与该站点核实。</source>
        <translation>Refused the sync bundle from {sender_name}: the amount involved of mediation agreement {rid} is invalid (it must be from 0 to ten billion yuan). Nothing changed at this station. Please check with that station.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="381"/>
        <source>“{label}”须立即办理，不能暂停或手动停止计时；办理后登记即停止。</source>
        <translation>“{label}” must be done at once: its clock cannot be paused or stopped by hand; recording it done stops it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="382"/>
        <source>同步包签名校验失败：内容在传输中被改动或并非由登记的站点生成，已拒绝导入，数据未改变。</source>
        <translation>The sync bundle&apos;s signature does not verify: its content was changed in transit or it was not made by a registered station. Import refused, data unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="383"/>
        <source>文件 {path} 不是 UTF-8 编码的文本，请另存为 UTF-8 后重试。</source>
        <translation>The file {path} is not UTF-8 text: save it as UTF-8 and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="384"/>
        <source>纠纷类别无效：{text}（可选：{join}）。</source>
        <translation>Invalid dispute category: {text} (choose from: {join}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="385"/>
        <source>本机没有此数据存储的备份密钥文件（keystore.json）。请在创建该数据存储的电脑上备份，或把该文件复制到本机数据文件夹。</source>
        <translation>This computer has no backup key file of this data store (keystore.json). Back up on the computer that created it, or copy that file into this computer&apos;s data folder.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="386"/>
        <source>该当事人不是本协议的签署方。</source>
        <translation>This party does not sign this agreement.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="387"/>
        <source>行政区划代码 {area_code} 不在国家标准 GB/T 2260 的代码表中，请核对身份证号（可能输错）。</source>
        <translation>The region code {area_code} is not in the national standard GB/T 2260: check the ID number (it may be mistyped).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="388"/>
        <source>请选择对方单位的答复（已接收或已拒绝）。</source>
        <translation>Choose the other unit&apos;s reply (accepted or refused).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="389"/>
        <source>{unit_name}的报表时段（{period_text}）与{unit_name2}的（{period_text2}）不同，不能汇总。</source>
        <translation>The period of {unit_name}&apos;s report ({period_text}) differs from that of {unit_name2} ({period_text2}): they cannot be added up.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="390"/>
        <source>区平台服务器地址应形如 https://主机:端口（由区里提供）。</source>
        <translation>The district server address should look like https://host:port (given by the district).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="391"/>
        <source>{isoformat} 不属于 {year} 年。</source>
        <translation>{isoformat} is not in the year {year}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="392"/>
        <source>排除的条款须为本协议的条款。</source>
        <translation>Excluded terms must be terms of this agreement.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="393"/>
        <source>{root} 中已有本机加密数据存储，不能同时连接服务器。请另选一个数据文件夹。</source>
        <translation>{root} already holds a local encrypted data store and cannot also connect to a server. Choose another data folder.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="197"/>
        <location filename="../../ui/accounts/admin_users.py" line="234"/>
        <location filename="../../ui/error_messages_part1.py" line="394"/>
        <source>请填写姓名。</source>
        <translation>Please fill in the name.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="395"/>
        <source>多人走访应推选代表，代表人数不得超过 {MAX_REPRESENTATIVES} 人（信访工作条例第二十条），现填写了 {reps} 人，请只登记推选出的代表。</source>
        <translation>A visit by several people chooses at most {MAX_REPRESENTATIVES} representatives (Regulations on Petition Work, art. 20); {reps} are entered: record only the chosen representatives.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="397"/>
        <source>固定电话区号不能以 00 开头（00 是国际长途前缀）：{raw}</source>
        <translation>A landline area code cannot start with 00 (the international prefix): {raw}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="398"/>
        <source>该申请已由 {decided_by_name} 处理（{value}）。</source>
        <translation>The request was already decided by {decided_by_name} ({value}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="399"/>
        <source>不予受理须写明理由（报督导审批，并书面告知信访人）。</source>
        <translation>Not accepting needs a reason (it goes to a supervisor for approval, and the petitioner is told in writing).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="400"/>
        <source>协议条款不存在。</source>
        <translation>The agreement term does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="402"/>
        <source>要延期的时限不存在。</source>
        <translation>The time limit to extend does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="403"/>
        <source>与数据库服务器的连接中断，本次保存未完成，您的输入已保留。请检查网络后重试。</source>
        <translation>The connection to the database server was lost; this save did not complete and your input is kept. Check the network and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="404"/>
        <source>处理意见无效：{value}（只能是支持、解释说明或不予支持）。</source>
        <translation>Invalid handling opinion: {value} (only support, explanation or no support).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="405"/>
        <source>本案另一份人身安全保护令仍在有效期内，其到期时限正在计时。</source>
        <translation>Another protection order of this case is still in force, and its expiry time limit is running.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="406"/>
        <source>密码不能与用户名相同。</source>
        <translation>The password cannot be the same as the user name.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="7"/>
        <source>报表不存在。</source>
        <translation>The report does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="8"/>
        <source>请输入口令以打开数据存储。</source>
        <translation>Enter the passphrase to open the data store.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="9"/>
        <source>统计时段最长五年。</source>
        <translation>The reporting period is at most five years.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="10"/>
        <source>不能审批自己提出的申请，须由其他督导审批。</source>
        <translation>You cannot approve your own request: another supervisor must approve it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="11"/>
        <source>请填写申请理由。</source>
        <translation>Please give the reason for the request.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="12"/>
        <source>{why}，只能由密钥持有人在命令行中办理（fulian sync provision / fulian sync peer add）。</source>
        <translation>{why}: only the key holder can do this, on the command line (fulian sync provision / fulian sync peer add).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="13"/>
        <source>请填写“{label}”这一处理意见的事实和依据，它将写入信访事项处理意见书。</source>
        <translation>Give the facts and grounds of the handling opinion “{label}”; they go into the petition handling opinion letter.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="15"/>
        <source>站点所属单位“{unit_name}”不在本数据存储的组织机构中。</source>
        <translation>The station&apos;s unit “{unit_name}” is not in this data store&apos;s organisation.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="16"/>
        <source>统计时段的结束日期早于开始日期。</source>
        <translation>The reporting period ends before it starts.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="17"/>
        <source>评估时间须带时区。</source>
        <translation>The assessment time must carry a time zone.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="18"/>
        <source>--cert 与 --key 须同时给出。</source>
        <translation>--cert and --key must be given together.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="19"/>
        <source>有多个单位叫“{name_or_id}”，请改用单位标识。</source>
        <translation>Several units are called “{name_or_id}”: use the unit id instead.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="20"/>
        <source>{message}（非交互使用时请设置环境变量 {ENV_PASSPHRASE} 或使用 --key-file）</source>
        <translation>{message} (when not used interactively, set the environment variable {ENV_PASSPHRASE} or use --key-file)</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="21"/>
        <source>TLS 模式只能是：{join}。</source>
        <translation>TLS mode can only be: {join}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="22"/>
        <source>未知的看板项目：{kind}</source>
        <translation>Unknown dashboard item: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="23"/>
        <source>自动锁定时间须在 1 到 240 分钟之间。</source>
        <translation>The automatic lock time must be between 1 and 240 minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="24"/>
        <source>无法识别的电话号码：{raw}，固定电话请带区号，如 {EXAMPLE}</source>
        <translation>Unrecognised phone number: {raw}. Give a landline with its area code, e.g. {EXAMPLE}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="25"/>
        <source>文件“{filename}”在添加过程中被改动，未添加。请确认文件已保存完毕后重试。</source>
        <translation>The file “{filename}” changed while being added and was not added. Make sure it is fully saved and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="26"/>
        <source>“{category}”下的子类应为：{join}。</source>
        <translation>The subcategory under “{category}” should be one of: {join}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="27"/>
        <source>请填写信访人的请求。</source>
        <translation>Please fill in the petitioner&apos;s request.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="28"/>
        <source>婚姻状况应为：{labels_text}。</source>
        <translation>Marital status should be: {labels_text}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="29"/>
        <source>{what}格式有误：{text}（应为 YYYY-MM-DD）。</source>
        <translation>{what} is malformed: {text} (should be YYYY-MM-DD).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="30"/>
        <source>该重点家庭的住址保密，您的角色无权查看或修改住址；其他内容可以修改。</source>
        <translation>The address of this key family is confidential: your role may not see or change it; everything else can be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="31"/>
        <source>没有用户“{username}”，或不在您的管辖范围内。</source>
        <translation>No user “{username}”, or outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="32"/>
        <source>{what}不能晚于现在。</source>
        <translation>{what} cannot be later than now.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="33"/>
        <source>暂停计时须说明理由（如听证、鉴定）。</source>
        <translation>Pausing the clock needs a reason (e.g. a hearing, an expert assessment).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="34"/>
        <source>身份证号中只有第 18 位可以是 X</source>
        <translation>Only the 18th character of an ID number can be X</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="35"/>
        <source>该数据文件未加密，不是幸福号的加密数据存储。</source>
        <translation>The data file is not encrypted: it is not a Xingfuhao encrypted data store.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="36"/>
        <source>数据存储缺少标识信息，可能已损坏。</source>
        <translation>The data store lacks its identity information and may be damaged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="37"/>
        <source>涉及金额最多精确到分（小数点后两位）。</source>
        <translation>The amount involved can have at most two decimals (fen).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="38"/>
        <source>只支持中国大陆电话号码：{raw}</source>
        <translation>Only mainland China phone numbers are supported: {raw}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="39"/>
        <source>无效的风险等级：{level}</source>
        <translation>Invalid risk level: {level}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="40"/>
        <source>请填写报告时间。</source>
        <translation>Enter the time of the report.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="41"/>
        <source>数据文件与密钥文件不属于同一个数据存储。</source>
        <translation>The data file and the key file do not belong to the same data store.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="42"/>
        <source>代表姓名有重复。</source>
        <translation>A representative&apos;s name is repeated.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="43"/>
        <source>此备份的结构版本（{get}）与本程序（{head_revision}）不同，请用相同版本的程序校验或恢复。</source>
        <translation>This backup&apos;s structure version ({get}) differs from this program&apos;s ({head_revision}): verify or restore it with the same program version.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="44"/>
        <source>性别与身份证号不符（身份证号显示为{sex}），请改正其中之一后再保存。</source>
        <translation>The sex does not match the ID number (the ID number says {sex}); correct one of them before saving.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="46"/>
        <source>{count} 人共同来访，是否为集体访？</source>
        <translation>{count} people came together: is this a group visit?</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="47"/>
        <source>“{label}”评估表中没有这些项目：{join}</source>
        <translation>The “{label}” assessment has no such items: {join}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="48"/>
        <source>该时限已停止或已暂停。</source>
        <translation>The time limit has stopped or is paused.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="49"/>
        <source>接收单位不存在。</source>
        <translation>The receiving unit does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="50"/>
        <source>该舆情线索已立案{value}。</source>
        <translation>This public-opinion lead already became a case{value}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="51"/>
        <source>人身安全保护令记录不存在。</source>
        <translation>The protection order record does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="52"/>
        <source>身份证号中的出生日期 {digits8} 早于 1900 年</source>
        <translation>The birth date {digits8} in the ID number is before 1900</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="55"/>
        <source>该账号的密码已被管理员重置或在别处更改，本次登录已失效，请用新密码重新登录。</source>
        <translation>The password of this account was reset by an administrator or changed elsewhere; this login is no longer valid. Log in again with the new password.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="56"/>
        <source>区平台拒收了本站的同步包：其中有本站无权修改的记录（区里已记入审计日志）。未同步，数据未改变。请联系区里。</source>
        <translation>The district refused this station&apos;s bundle: it changes records this station may not change (the district logged this in its audit log). Nothing was synced and no data changed. Contact the district.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="57"/>
        <source>只有强制报告须注明报告对象。</source>
        <translation>Only a mandatory report names the person reported about.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="58"/>
        <source>监听地址应形如 主机:端口（如 0.0.0.0:8443），而不是“{value}”。</source>
        <translation>The listen address should look like host:port (such as 0.0.0.0:8443), not &quot;{value}&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="59"/>
        <source>请选择投诉类别（统计按类别上报）。</source>
        <translation>Choose the complaint category (statistics are reported by category).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="60"/>
        <source>电话号码不能为空</source>
        <translation>The phone number cannot be empty</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="61"/>
        <source>条文清单中没有这些条文：{join}。请从清单中选择。</source>
        <translation>The list of articles has no such articles: {join}. Choose from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="62"/>
        <source>数据存储尚未设置组织机构，无法签署报表。</source>
        <translation>The data store has no organisation yet; the report cannot be signed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="63"/>
        <source>化解日期不能早于登记日期。</source>
        <translation>The resolution date cannot be before the registration date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="64"/>
        <source>这不是幸福号的备份文件。</source>
        <translation>This is not a Xingfuhao backup file.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="65"/>
        <source>本案没有可生成“{label}”的记录。</source>
        <translation>This case has no records to produce “{label}” from.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="66"/>
        <source>已于 {format_local} 加盖印章。</source>
        <translation>Sealed on {format_local}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="67"/>
        <source>本案已有一份保护令申请待法院裁定。</source>
        <translation>This case already has a protection order application awaiting the court&apos;s ruling.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="68"/>
        <source>分机号应为 1–6 位数字：{value}</source>
        <translation>An extension must be 1–6 digits: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="69"/>
        <source>所选调解协议不属于本案。</source>
        <translation>The selected mediation agreement does not belong to this case.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="70"/>
        <source>出生日期无效或晚于接待日期。</source>
        <translation>The birth date is invalid or later than the visit date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="71"/>
        <source>有一个 --district 是空的（变量未设置？）。请给出每个区的数据文件夹。</source>
        <translation>One --district is empty (a variable not set?). Give each district&apos;s data folder.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="72"/>
        <source>没有单位“{name_or_id}”。可用 fulian orgunit list 查看。</source>
        <translation>No unit “{name_or_id}”. See fulian orgunit list.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="73"/>
        <source>化解日期不能晚于今天。</source>
        <translation>The resolution date cannot be later than today.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="74"/>
        <source>已拒绝来自{sender_name}的同步包：组织机构、用户账号和工作日历只能由区妇联建立和更改，{sender_name2}发来的 {name} 记录（{value}）在本站没有或与本站不同。数据未改变。</source>
        <translation>Refused the sync bundle from {sender_name}: units, user accounts and the working calendar are created and changed only by the district Women&apos;s Federation, and the {name} record ({value}) sent by {sender_name2} is missing here or differs. Data unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="75"/>
        <source>结束日期早于开始日期。</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="76"/>
        <source>延长期限不得超过 {max_extension_days} 日（{basis}）</source>
        <translation>An extension cannot exceed {max_extension_days} days ({basis})</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="77"/>
        <source>附件内容不完整（缺第 {seq} 段），请从备份或同步恢复。</source>
        <translation>The attachment content is incomplete (part {seq} missing): restore it from a backup or by sync.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="78"/>
        <source>请填写到期日。</source>
        <translation>Please fill in the due date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="79"/>
        <source>暂停天数不能为负数</source>
        <translation>The number of days paused cannot be negative</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="80"/>
        <source>请选择受害人（须为本案当事人）。</source>
        <translation>Choose the victim (a party of this case).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="81"/>
        <source>粘贴的是 {stated} 年的通知，不是 {year} 年的。</source>
        <translation>The notice pasted is for {stated}, not for {year}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="82"/>
        <source>本案调解未终止，无需恢复。</source>
        <translation>Mediation of this case has not ended; nothing to resume.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="83"/>
        <source>请写明批准的理由和安全措施（如分开到场和离场、有工作人员陪同）。</source>
        <translation>Write the reason for the approval and the safety measures (e.g. arriving and leaving separately, a staff member present).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="84"/>
        <source>数据存储需要升级（{current} → {head}）。</source>
        <translation>The data store needs an upgrade ({current} → {head}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="85"/>
        <source>只有“受理”才能并入已有案件。</source>
        <translation>Only “Accept” can join an existing case.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="86"/>
        <source>第 {number} 行无法识别“{group}”：请写“休”（休息）或“班”（上班）</source>
        <translation>Line {number}: cannot recognise “{group}”: write “休” (day off) or “班” (working day)</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="87"/>
        <source>“{label}”的值无效。</source>
        <translation>The value of “{label}” is invalid.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="88"/>
        <source>该安全计划已被删除或尚未建立，请刷新后再保存。</source>
        <translation>The safety plan was deleted or not created yet: refresh, then save.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="89"/>
        <source>该类行动没有这些内容：{join}。</source>
        <translation>This kind of action has no such items: {join}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="90"/>
        <source>请选择转介的部门类别。</source>
        <translation>Choose the kind of department to refer to.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="91"/>
        <source>此同步包是发给“{text}”的，不是发给{mine}的。已拒绝导入，数据未改变。</source>
        <translation>This sync bundle is addressed to “{text}”, not to {mine}. Import refused, data unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="92"/>
        <source>该排查登记已化解，不能{doing}。如矛盾再次出现，请重新登记。</source>
        <translation>The screening entry is resolved: cannot {doing}. If the conflict arises again, register it anew.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="93"/>
        <source>“{label}”须填写理由。</source>
        <translation>“{label}” needs a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="94"/>
        <source>服务器数据存储的站点开通须在命令行中办理（fulian sync provision）。</source>
        <translation>On a server store, open stations from the command line (fulian sync provision).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="95"/>
        <source>统计看板由督导查看。</source>
        <translation>The dashboard is for supervisors.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="96"/>
        <source>转办须写明转往的机关或单位。</source>
        <translation>A transfer must name the authority or unit it goes to.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="97"/>
        <source>这些项目只能回答“是”或“否”：{join}</source>
        <translation>These items can only be answered “yes” or “no”: {join}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="98"/>
        <source>{where} 上没有幸福号的区平台同步服务，未同步，数据未改变。请检查“区平台服务器地址”。</source>
        <translation>There is no 幸福号 district sync service at {where}; nothing was synced and no data changed. Check the &quot;District server address&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="99"/>
        <source>该案件不存在或不在您的管辖范围内。</source>
        <translation>The case does not exist or is outside your jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="100"/>
        <source>安全计划是空的，请至少填写一栏。</source>
        <translation>The safety plan is empty: fill in at least one section.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="101"/>
        <source>案件已办结或已移出，不能再登记危机干预事项；如有新情况请先重新打开案件。</source>
        <translation>The case is concluded or moved away: no more crisis intervention items can be recorded. If there is news, reopen the case first.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="102"/>
        <source>不能批准自己做的安全评估，须由其他督导批准。</source>
        <translation>You cannot approve a safety screening you made yourself; another supervisor must approve it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="103"/>
        <source>无法把密钥存入系统钥匙串，请设置口令。</source>
        <translation>The key could not be stored in the system keyring: please set a passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="104"/>
        <source>身份证号只能包含数字，最后一位可以是 X</source>
        <translation>An ID number contains only digits; the last may be X</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="105"/>
        <source>密钥文件 keystore.json 中的密钥派生参数互相矛盾（内存用量小于并行度的 8 倍），可能已被改动。未尝试解锁，数据未作任何改变。</source>
        <translation>The key derivation parameters in the key file keystore.json contradict each other (memory less than 8 times the parallelism); they may have been tampered with. No unlock was attempted and no data changed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="106"/>
        <source>找不到文件“{path}”。</source>
        <translation>File “{path}” not found.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="107"/>
        <source>案件当前为“{label}”，不能{doing}。</source>
        <translation>The case is currently “{label}”: cannot {doing}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="108"/>
        <source>本案没有已生效的调解协议，不能生成司法确认申请材料。</source>
        <translation>This case has no effective mediation agreement, so no judicial confirmation packet can be made.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="109"/>
        <source>接待时间不能晚于现在。</source>
        <translation>The visit time cannot be later than now.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="110"/>
        <source>此同步包来自未登记的站点，无法确认来源。已拒绝导入，数据未改变。</source>
        <translation>This bundle comes from an unregistered station and its origin cannot be confirmed. It was refused; no data changed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="111"/>
        <source>调解方式只能是面对面联合调解或背对背调解。</source>
        <translation>A session can only be a face-to-face joint session or separate sessions.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="112"/>
        <source>已有人员</source>
        <translation>Existing person</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="113"/>
        <source>身份证号前两位 {value} 不是有效的省级行政区划代码</source>
        <translation>The first two digits of the ID number, {value}, are not a valid province code</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="114"/>
        <source>风险等级应为 高、中 或 低。</source>
        <translation>The risk level must be high, medium or low.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="116"/>
        <source>保护令当前为“{label}”，不能{doing}。</source>
        <translation>The protection order is currently “{label}”: cannot {doing}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="117"/>
        <source>没有找到放假安排的条目：应有“一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。”这样的文字。</source>
        <translation>No holiday entries found: expected text like “一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="118"/>
        <source>无法读取区平台同步服务的证书文件 {ca_file}，未同步，数据未改变。</source>
        <translation>Cannot read the certificate file {ca_file} of the district sync service; nothing was synced and no data changed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="119"/>
        <source>数据存储升级失败，原数据未改变（升级前备份：{name}）。</source>
        <translation>The data store upgrade failed; the original data is unchanged (backup before the upgrade: {name}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="120"/>
        <source>第 {number} 行日期不存在：“{strip}”</source>
        <translation>Line {number}: the date does not exist: “{strip}”</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="121"/>
        <source>请填写申请日期。</source>
        <translation>Please fill in the application date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="122"/>
        <source>与数据库服务器的加密连接（TLS）未能建立：{first_line}。请检查 TLS 模式和证书。</source>
        <translation>The encrypted connection (TLS) to the database server could not be established: {first_line}. Check the TLS mode and the certificate.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="123"/>
        <source>密码至少需要 {MIN_LENGTH} 位。</source>
        <translation>The password needs at least {MIN_LENGTH} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="124"/>
        <source>文件 {source} 不是 UTF-8 编码。</source>
        <translation>The file {source} is not UTF-8 encoded.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="126"/>
        <source>请至少选择一个区的数据存储。</source>
        <translation>Choose at least one district&apos;s data store.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="127"/>
        <source>未知的结案成效：{code}。</source>
        <translation>Unknown closure outcome: {code}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="128"/>
        <source>简要案情应为文字。</source>
        <translation>The summary must be text.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="129"/>
        <source>请选择处理方式：{labels_text}。</source>
        <translation>Choose how it is handled: {labels_text}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="130"/>
        <source>请选择渠道：{labels_text}。</source>
        <translation>Choose the channel: {labels_text}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="131"/>
        <source>转介的案件不存在或已删除。</source>
        <translation>The referred case does not exist or was deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="132"/>
        <source>未登记住址：住址不清的，无法书面告知信访人（信访工作条例第二十三条）。</source>
        <translation>No address recorded: without a clear address the petitioner cannot be told in writing (Regulations on Petition Work, art. 23).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="133"/>
        <source>处理意见及其事实和依据只在申请结案时填写。</source>
        <translation>The handling opinion and its facts and grounds are only given when applying to close.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="134"/>
        <source>附件大小上限须在 1 到 2048 MB 之间。</source>
        <translation>The attachment size limit must be between 1 and 2048 MB.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="135"/>
        <source>缺少密钥文件 {name}，无法打开 {root} 中的数据。请从备份恢复。</source>
        <translation>The key file {name} is missing: the data in {root} cannot be opened. Restore from a backup.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="136"/>
        <source>事实和依据过长（{text} 个字，最多 {BASIS_MAX} 个字），请精简。</source>
        <translation>The facts and grounds are too long ({text} characters, at most {BASIS_MAX}); please shorten them.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="137"/>
        <source>走访日期不能晚于今天。</source>
        <translation>The visit date cannot be later than today.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="138"/>
        <source>该案件已被其他用户修改，请刷新后再操作。</source>
        <translation>The case was changed by another user: refresh and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="139"/>
        <source>疏导记录不能超过 {MAX_NOTES} 字。</source>
        <translation>A counselling record has at most {MAX_NOTES} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="140"/>
        <source>行政区划代码 {area_code}（{label}）{when}，{birth_year} 年出生的人一般不会是这个代码，请核对（旧号码仍然有效）。</source>
        <translation>The region code {area_code} ({label}) was {when}; someone born in {birth_year} would not usually have it. Please check (old numbers remain valid).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="141"/>
        <source>书面协议须签名、盖章或按指印。</source>
        <translation>A written agreement must be signed, sealed or fingerprinted.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="142"/>
        <source>延长后的到期日须晚于原到期日（{isoformat}）。</source>
        <translation>The extended due date must be later than the original due date ({isoformat}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="143"/>
        <source>走访方式应为 上门走访 或 电话联系。</source>
        <translation>The visit must be a home visit or a phone call.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="144"/>
        <source>填写的内容过长（最多 {MAX_TEXT} 个字）。</source>
        <translation>The text is too long (at most {MAX_TEXT} characters).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="145"/>
        <source>报表截止日须在次月 1 日到 28 日之间。</source>
        <translation>The report due day must be between the 1st and the 28th of the following month.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="146"/>
        <source>数据存储为只读，无法保存。请检查文件权限。</source>
        <translation>The data store is read-only and cannot be saved. Check the file permissions.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="147"/>
        <source>{where}字符“{ch}”（U+{code}）在所附字库中没有字形，无法打印。请在该项中改用通用字或加注说明后再打印。</source>
        <translation>{where}the character “{ch}” (U+{code}) has no glyph in the bundled font and cannot be printed. Use a common character in that field or add a note, then print again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="148"/>
        <source>调解安排不存在。</source>
        <translation>The mediation appointment does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="149"/>
        <source>自动同步间隔须在 0（不自动同步）到 {MAX_AUTO_SYNC_MINUTES} 分钟之间。</source>
        <translation>The automatic sync interval must be between 0 (no automatic sync) and {MAX_AUTO_SYNC_MINUTES} minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="150"/>
        <source>{what}解压后超过 {mb}（压缩后只有 {mb2}），内容异常膨胀，可能是恶意构造的文件。已拒绝导入，数据未改变。</source>
        <translation>{what} unpacks to more than {mb} (only {mb2} packed): the content swells abnormally and may be a maliciously built file. Import refused, data unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="151"/>
        <source>同步包过大（{mb}，上限 {mb2}），已拒绝导入，数据未改变。请让对方分几次导出，或检查文件是否正确。</source>
        <translation>The sync bundle is too large ({mb}, limit {mb2}). Import refused, data unchanged. Ask the other side to export in several parts, or check the file.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="152"/>
        <source>口头协议无需签名盖章，已于达成之日生效。</source>
        <translation>An oral agreement needs no signature or seal; it took effect on the day it was reached.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="153"/>
        <source>{name}已于 {format_local} 签署。</source>
        <translation>{name} signed on {format_local}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="154"/>
        <source>代表人数（{reps}）不能多于来访人数（{count}）。</source>
        <translation>The number of representatives ({reps}) cannot exceed the number of visitors ({count}).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="155"/>
        <source>该安全评估已用于一次调解，请为下一次联合调解重新评估。</source>
        <translation>This safety screening was already used for a session; screen again before the next joint session.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="156"/>
        <source>这是部门转介，请登记对方单位的接收或拒绝。</source>
        <translation>This is a referral to a department: record whether the other unit accepted or refused it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="157"/>
        <source>民事行为能力只能是：完全、无民事行为能力或限制民事行为能力。</source>
        <translation>Civil capacity can only be: full, none, or limited.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="158"/>
        <source>“{name}”：放假结束日 {label} 早于开始日 {label2}。</source>
        <translation>“{name}”: the holiday ends on {label}, before it starts on {label2}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="159"/>
        <source>无效的评估对象：{relationship}</source>
        <translation>Invalid person assessed: {relationship}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="160"/>
        <source>“{name}”：放假 {days} 天，不像是放假安排，请核对。</source>
        <translation>“{name}”: {days} days off does not look like a holiday arrangement; please check.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="161"/>
        <source>未知的材料类型：{value}</source>
        <translation>Unknown kind of material: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="163"/>
        <source>专业判断只能调高风险等级，不能把“{label}”调低为“{label2}”{why}。</source>
        <translation>Professional judgement can only raise the risk level, not lower “{label}” to “{label2}”{why}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="164"/>
        <source>发现日期应为日期。</source>
        <translation>The discovery date must be a date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="165"/>
        <source>备份位置 {parent} 不存在。</source>
        <translation>The backup location {parent} does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="166"/>
        <source>{what}须为本案当事人（{unknown} 项不是）。</source>
        <translation>{what} must be parties to this case ({unknown} are not).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="167"/>
        <source>区平台服务器地址只能带 ?ca=证书文件 一个参数。</source>
        <translation>The district server address may carry only one parameter, ?ca=CERTIFICATE_FILE.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="168"/>
        <source>服务器上没有数据库 {database}，请先由管理员创建。</source>
        <translation>The server has no database {database}: ask an administrator to create it first.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="169"/>
        <source>文件 {source} 的 JSON 嵌套超过 {MAX_JSON_DEPTH} 层，不是接待登记的格式（顶层为对象，字段为文本、数字或姓名列表）。</source>
        <translation>The JSON in {source} is nested more than {MAX_JSON_DEPTH} levels deep; that is not the intake format (an object at the top, fields of text, numbers or lists of names).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="170"/>
        <source>该账号已停用或被删除，请重新登录。</source>
        <translation>This account was disabled or deleted: log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="171"/>
        <source>疏导方式只能是面谈或电话。</source>
        <translation>Counselling is either face to face or by phone.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="172"/>
        <source>退回原因最多 500 字。</source>
        <translation>The reason for returning is at most 500 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="173"/>
        <source>“{name}”：调休上班日 {label} 是周{value}，本来就上班，请核对。</source>
        <translation>“{name}”: the make-up working day {label} is a weekday ({value}) anyway; please check.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="174"/>
        <source>无法写入文件 {path}：{strerror}</source>
        <translation>Cannot write the file {path}: {strerror}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="176"/>
        <source>{label}过长（最多 {max_len} 个字）。</source>
        <translation>{label} is too long (at most {max_len} characters).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="177"/>
        <source>人身安全保护令的有效期不超过六个月（反家庭暴力法第三十条）：{what}于 {isoformat}，最迟到 {isoformat2}。</source>
        <translation>A personal safety protection order lasts at most six months (Anti-Domestic Violence Law, art. 30): {what} on {isoformat}, at the latest until {isoformat2}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="178"/>
        <source>与数据库服务器的连接全部被占用，本次操作未完成，您的输入已保留。请稍后重试。</source>
        <translation>Every connection to the database server is in use; this action was not completed and your input is kept. Please try again shortly.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="179"/>
        <source>{value}过长（最多 {MAX_TEXT} 字）。</source>
        <translation>{value} is too long (at most {MAX_TEXT} characters).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="180"/>
        <source>调解协议不存在。</source>
        <translation>The mediation agreement does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="181"/>
        <source>{label}应为日期（YYYY-MM-DD）。</source>
        <translation>{label} must be a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="182"/>
        <source>已记录司法确认结果。</source>
        <translation>The judicial confirmation result is already recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="183"/>
        <source>找不到通知的年份：请连同标题“国务院办公厅关于××××年部分节假日安排的通知”一起粘贴。</source>
        <translation>The notice&apos;s year was not found: paste it together with the title “国务院办公厅关于××××年部分节假日安排的通知”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="184"/>
        <source>评估时间不能晚于现在。</source>
        <translation>The assessment time cannot be later than now.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="185"/>
        <source>地址过长（最多 300 个字）。</source>
        <translation>The address is too long (at most 300 characters).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="186"/>
        <source>汇总全市报表须同时给出 --city 市的名称和至少一个 --district 区的数据文件夹。</source>
        <translation>A city&apos;s report needs both --city (the city&apos;s name) and at least one --district (a district&apos;s data folder).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="187"/>
        <source>把风险等级由“{label}”调高为“{label2}”须写明理由。</source>
        <translation>Raising the risk level from “{label}” to “{label2}” needs a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="188"/>
        <source>不能共享：{join}。可共享的内容只有：{join2}。</source>
        <translation>Cannot share: {join}. Only these can be shared: {join2}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="189"/>
        <source>备份文件的格式版本比本程序新，请升级程序后再打开。</source>
        <translation>The backup file&apos;s format version is newer than this program: upgrade the program, then open it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="191"/>
        <source>网上信访</source>
        <translation>Online petition</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="192"/>
        <source>账号 {username} 不在区级单位，只能统计其所在单位的数字，不能汇入全市报表。请使用该区区级督导或系统管理员的账号。</source>
        <translation>The account {username} is not at the district level: it can only count its own unit&apos;s figures, which cannot go into a city&apos;s report. Use an account of the district&apos;s supervisor or system administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="193"/>
        <source>没有这个站点，可能已经停用。</source>
        <translation>No such station; it may have been retired.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="194"/>
        <source>调解协议尚未生效，不能申请司法确认（人民调解法第三十三条：自调解协议生效之日起三十日内）。</source>
        <translation>The mediation agreement is not yet in force: judicial confirmation cannot be applied for (People&apos;s Mediation Law, art. 33: within thirty days after it takes effect).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="195"/>
        <source>未知的信访指标：{figure}</source>
        <translation>Unknown petition KPI: {figure}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="196"/>
        <source>文件 {target} 已存在。为防止覆盖，备份已拒绝，请换一个文件名。</source>
        <translation>The file {target} already exists. To avoid overwriting it the backup was refused: choose another file name.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="197"/>
        <source>该记录正被其他用户同时修改，本次保存未完成。您的输入已保留，请刷新后再保存。</source>
        <translation>Another user is changing this record at the same time; this save did not complete. Your input is kept: refresh and save again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="198"/>
        <source>找不到案号为“{case_no}”的案件。</source>
        <translation>No case with case number “{case_no}”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="199"/>
        <source>案件名称过长（{stripped} 个字，最多 {TITLE_MAX} 个字），请精简后再保存。</source>
        <translation>The case title is too long ({stripped} characters, at most {TITLE_MAX}): shorten it, then save.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="200"/>
        <source>代为申请人过长（最多 200 个字）。</source>
        <translation>The applicant on behalf is too long (at most 200 characters).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="201"/>
        <source>本案调解已终止（{note}），不能再安排或记录调解。当事人重新申请调解的，请先“恢复调解”。</source>
        <translation>Mediation of this case has ended ({note}); no more mediation can be scheduled or recorded. If the parties apply again, first “Resume mediation”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="202"/>
        <source>不能停用自己的账号。</source>
        <translation>You cannot disable your own account.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="203"/>
        <source>一次最多汇总 {MAX_DISTRICTS} 个区。</source>
        <translation>At most {MAX_DISTRICTS} districts can be added up at once.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="204"/>
        <source>时限不存在。</source>
        <translation>The time limit does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="205"/>
        <source>该附件已被其他用户修改，请刷新后再移除。</source>
        <translation>The attachment was changed by another user: refresh, then remove it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="206"/>
        <source>用户名“{username}”已被使用。</source>
        <translation>The user name “{username}” is already taken.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="207"/>
        <source>延长天数必须大于 0</source>
        <translation>The number of days extended must be greater than 0</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="208"/>
        <source>没有登记要同步的站点。请先登记对方站点（fulian sync peer add）或开通站点。</source>
        <translation>No station to synchronise with is registered. Register the other station first (fulian sync peer add) or set up a station.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="210"/>
        <source>上次经过校验的备份是 {days} 天前（{to_local}）。请尽快备份。</source>
        <translation>The last verified backup was {days} days ago ({to_local}). Please back up soon.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="211"/>
        <source>原密码不正确。</source>
        <translation>The old password is incorrect.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="212"/>
        <source>已取消，文件未添加。</source>
        <translation>Cancelled; the file was not added.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="213"/>
        <source>服务器上的数据存储与本机设置中记录的不是同一个，已拒绝打开。请核对服务器设置。</source>
        <translation>The data store on the server is not the one recorded in this computer&apos;s settings; opening refused. Check the server settings.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="214"/>
        <source>密钥文件 keystore.json 中的密钥派生参数“{value}”为 {value2}，超出允许范围（{low}～{high}），可能已被改动。为安全起见未尝试解锁，数据未作任何改变；请从备份中取回原来的密钥文件，或在创建数据存储的电脑上打开。</source>
        <translation>The key derivation parameter “{value}” in the key file keystore.json is {value2}, outside the allowed range ({low}–{high}); it may have been tampered with. For safety no unlock was attempted and no data changed. Take the original key file from a backup, or open the store on the computer that created it.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="215"/>
        <source>您的角色（{label}）没有“同步数据”的权限。</source>
        <translation>Your role ({label}) does not have the right “Synchronise data”.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="216"/>
        <source>第 {result} 条的履行期限须为日期。</source>
        <translation>The deadline of term {result} must be a date.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="217"/>
        <source>涉及金额须为不小于零的金额。</source>
        <translation>The amount involved must not be negative.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="218"/>
        <source>该排查登记已转为案件，请在案件中记录后续工作。</source>
        <translation>The screening entry has become a case: record further work in the case.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="219"/>
        <source>此数据存储还没有经过校验的备份。请尽快备份（系统设置 → 备份）。</source>
        <translation>This data store has no verified backup yet. Please back up soon (Settings → Backup).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="220"/>
        <source>该次调解{label}，不能取消。</source>
        <translation>This mediation session is {label}: it cannot be cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="221"/>
        <source>开通文件不完整或不是幸福号的站点开通文件。</source>
        <translation>The set-up file is incomplete or is not a Xingfuhao station set-up file.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="222"/>
        <source>同一个区的数据存储被选了两次（数据存储标识相同），汇总会把它的数字算两遍。请检查所选的数据文件夹或服务器连接。</source>
        <translation>The same district&apos;s data store was chosen twice (same store identity): its figures would be counted twice. Check the chosen data folders or server connections.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="223"/>
        <source>调解协议书应一式 {need} 份以上（当事人各执一份，调解委员会留存一份）。</source>
        <translation>A mediation agreement needs at least {need} copies (one for each party and one kept by the mediation committee).</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="224"/>
        <source>请选择关联的{label}。</source>
        <translation>Choose the linked {label}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="225"/>
        <source>“{label}”不能出具给{label2}，只能出具给：{names}。</source>
        <translation>“{label}” cannot be issued to {label2}, only to: {names}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="226"/>
        <source>电话号码只能包含数字、空格和连字符：{raw}</source>
        <translation>A phone number can contain only digits, spaces and hyphens: {raw}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="227"/>
        <source>排查名册按村（社区）登记，请选择{name}下的村（社区）。</source>
        <translation>The screening register is kept per village (community): choose a village (community) under {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="228"/>
        <source>缺少更早的同步包：此包接续对方第 {from_seq} 号变更，本站只收到第 {received_seq} 号（例如本站从较早的备份恢复过）。请让{name}导出完整同步包（fulian sync export --full）。已拒绝导入，数据未改变。</source>
        <translation>An earlier sync bundle is missing: this bundle continues from change {from_seq} of the other side, this station received only up to {received_seq} (e.g. it was restored from an older backup). Ask {name} to export a full bundle (fulian sync export --full). Import refused, data unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="229"/>
        <source>区级单位是最上一级，不需要上报；请查看汇总报表。</source>
        <translation>The district is the top tier and reports to no one; see the consolidated report.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="230"/>
        <source>“{value}”应为是或否。</source>
        <translation>“{value}” should be yes or no.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="231"/>
        <source>查明的事实过长（{found} 个字，最多 {FACTS_MAX} 个字），请精简。</source>
        <translation>The facts found are too long ({found} characters, at most {FACTS_MAX}); please shorten them.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="232"/>
        <source>顺序码应在 0..999 之间，得到 {seq}</source>
        <translation>The sequence code must be within 0..999, got {seq}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="233"/>
        <source>该强制报告已登记，不能重复登记。</source>
        <translation>This mandatory report is already recorded and cannot be recorded twice.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="234"/>
        <source>没有这个组织单位。</source>
        <translation>No such organisational unit.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="235"/>
        <source>“{value}”出现了两次，请只粘贴一份通知。</source>
        <translation>“{value}” appears twice: paste only one notice.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="236"/>
        <source>统计时段须带时区。</source>
        <translation>The reporting period must carry a time zone.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="237"/>
        <source>{unit_name}的报表数据核对不符（{text}等 {wrong} 处），不能汇入全市报表：相加后各区的差错会互相抵消、看不出来。请该区先查明原因。</source>
        <translation>{unit_name}&apos;s report fails its cross-checks ({text}; {wrong} in all): it cannot go into the city&apos;s report, where the districts&apos; errors would cancel out unseen. Ask the district to find the cause first.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="238"/>
        <source>填写子类前请先选择投诉类别。</source>
        <translation>Choose the complaint category before the subcategory.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="239"/>
        <source>请填写数据库名称。</source>
        <translation>Please fill in the database name.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="240"/>
        <source>第 {number} 行格式不对：“{strip}”，应为“2027-01-01 休”或“2027-02-07 班”</source>
        <translation>Line {number} is malformed: “{strip}”; it should be like “2027-01-01 休” or “2027-02-07 班”</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="241"/>
        <source>已拒绝来自{sender_name}的同步包：其中的月度统计报表（编号 {rid}）的统计数字与报送站点的签名不符，可能在传送途中被改动。本站数据未改变。</source>
        <translation>Refused the bundle from {sender_name}: the figures of the monthly report in it (no. {rid}) do not match the signature of the reporting station and may have been changed on the way. Nothing here was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="242"/>
        <source>{value} 服务号码应为 10 位：{raw}</source>
        <translation>{value} service numbers have 10 digits: {raw}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="243"/>
        <source>走访周期应为 1 至 {MAX_VISIT_EVERY_DAYS} 天。</source>
        <translation>The visit interval must be 1 to {MAX_VISIT_EVERY_DAYS} days.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="244"/>
        <source>{first} 年起才使用</source>
        <translation>in use only since {first}</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="245"/>
        <source>服务器上的 PostgreSQL 版本为 {found}，本程序需要 13 或更新的版本。请数据库管理员升级后再连接。</source>
        <translation>The server runs PostgreSQL {found}; this program needs version 13 or newer. Ask the database administrator to upgrade it, then connect again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="246"/>
        <source>找不到文件夹 {folder}。请插好U盘后重新选择。</source>
        <translation>Folder {folder} not found. Insert the USB drive and choose it again.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="247"/>
        <source>服务器上没有幸福号的数据存储。</source>
        <translation>There is no Xingfuhao data store on the server.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="248"/>
        <source>数据存储正被其他程序占用（例如正在备份），请稍后重试。</source>
        <translation>The data store is in use by another program (e.g. a backup running); try again shortly.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part2.py" line="249"/>
        <source>冲突涉及的记录已不存在。</source>
        <translation>The records in this conflict no longer exist.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="201"/>
        <source>请选择所属单位。</source>
        <translation>Please choose the unit.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="210"/>
        <source>修改角色/单位</source>
        <translation>Change role/unit</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="243"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="246"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="249"/>
        <source>重置后该用户的锁定也一并解除；下次登录时须修改密码。</source>
        <translation>Resetting also removes any lock on the user; they must change the password at next login.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="252"/>
        <source>重置</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="275"/>
        <source>筛选：用户名、姓名、角色或单位</source>
        <translation>Filter: user name, name, role or unit</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="278"/>
        <source>新增用户(&amp;A)…</source>
        <translation>New user (&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="279"/>
        <source>修改角色/单位(&amp;E)…</source>
        <translation>Change role/unit (&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="280"/>
        <source>重置密码(&amp;R)…</source>
        <translation>Reset password (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="281"/>
        <location filename="../../ui/lock_screen.py" line="45"/>
        <location filename="../../ui/lock_screen.py" line="85"/>
        <source>解锁(&amp;U)</source>
        <translation>Unlock (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="282"/>
        <location filename="../../ui/accounts/admin_users.py" line="391"/>
        <source>停用(&amp;D)</source>
        <translation>Disable (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="342"/>
        <source>从未登录</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="349"/>
        <source>使用临时密码，首次登录时须修改</source>
        <translation>Using a temporary password; must change it at first login</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="366"/>
        <source>共 {total} 个用户</source>
        <translation>{total} users</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="366"/>
        <source>显示 {shown} / 共 {total} 个用户</source>
        <translation>Showing {shown} of {total} users</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="389"/>
        <source>锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="391"/>
        <source>启用(&amp;D)</source>
        <translation>Enable (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="412"/>
        <source>已创建用户</source>
        <translation>User created</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="413"/>
        <source>已创建用户 {display_name}（{username}），角色：{label}。
临时密码：{text}
请告知本人，首次登录时须修改密码。</source>
        <translation>Created user {display_name} ({username}), role: {label}.
Temporary password: {text}
Tell them in person; they must change it at first login.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="439"/>
        <source>已重置密码</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="439"/>
        <source>{display_name}（{username}）的临时密码：{text}
下次登录时须修改密码。</source>
        <translation>Temporary password for {display_name} ({username}): {text}
They must change it at next login.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="456"/>
        <source>停用用户</source>
        <translation>Disable user</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_users.py" line="456"/>
        <source>停用后 {display_name}（{username}）将无法登录，其经办的案件保留。
确定停用吗？</source>
        <translation>Once disabled, {display_name} ({username}) can no longer log in; their cases are kept.
Disable?</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="92"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="93"/>
        <source>修改案件名称、类别、简要案情和标记（Ctrl+E）</source>
        <translation>Edit the case title, type, summary and flags (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="96"/>
        <source>保存修改（Ctrl+S）</source>
        <translation>Save changes (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="134"/>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="135"/>
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="136"/>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="43"/>
        <location filename="../../ui/cases/case_view.py" line="140"/>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="31"/>
        <location filename="../../ui/clocks/clock_tasks.py" line="44"/>
        <location filename="../../ui/crisis/crisis_orders.py" line="40"/>
        <source>时限</source>
        <translation>Time limits</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="142"/>
        <source>接待记录</source>
        <translation>Intake records</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="145"/>
        <location filename="../../ui/main_window.py" line="314"/>
        <source>调解</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="207"/>
        <location filename="../../ui/mediation/mediation_tab.py" line="155"/>
        <source>请稍后重试。</source>
        <translation>Please try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="208"/>
        <source>时限、审批、转介和接待记录未能加载：{what}</source>
        <translation>Time limits, approvals, referrals and intake records could not be loaded: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="255"/>
        <source>无法打开案件</source>
        <translation>Cannot open case</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="256"/>
        <source>案件未能打开。</source>
        <translation>The case could not be opened.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="310"/>
        <source>该案件</source>
        <translation>This case</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="329"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="329"/>
        <source>放弃对案件信息的修改吗？</source>
        <translation>Discard the changes to the case details?</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="339"/>
        <source>无权修改</source>
        <translation>Not permitted to edit</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="339"/>
        <source>该当事人的联系方式保密，您的角色无权查看或修改其信息。</source>
        <translation>This party&apos;s contact details are confidential; your role may not view or edit their details.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="355"/>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="355"/>
        <source>有未保存的修改，确定关闭吗？</source>
        <translation>There are unsaved changes. Close anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="40"/>
        <source>预约时间</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="40"/>
        <source>上次疏导</source>
        <translation>Last session</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="44"/>
        <source>疏导次数</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="44"/>
        <source>最近疏导</source>
        <translation>Latest session</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_dialog.py" line="35"/>
        <location filename="../../ui/counselling/counselling_tab.py" line="33"/>
        <location filename="../../ui/counselling/counsellor_home.py" line="44"/>
        <source>下次预约</source>
        <translation>Next appointment</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="62"/>
        <source>今日预约</source>
        <translation>Today&apos;s appointments</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="63"/>
        <source>本周其他预约（今后 6 天）</source>
        <translation>Other appointments this week (next 6 days)</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="64"/>
        <source>我的疏导案件（未办结）</source>
        <translation>My counselling cases (open)</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="108"/>
        <source>今天没有预约。</source>
        <translation>No appointments today.</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="109"/>
        <source>本周没有其他预约。</source>
        <translation>No other appointments this week.</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="110"/>
        <source>没有未办结的疏导案件。</source>
        <translation>No open counselling cases.</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="111"/>
        <source>今日预约（{n}）</source>
        <translation>Today&apos;s appointments ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="112"/>
        <source>本周其他预约（今后 6 天，{n}）</source>
        <translation>Other appointments this week (next 6 days, {n})</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="113"/>
        <source>我的疏导案件（未办结，{n}）</source>
        <translation>My counselling cases (open, {n})</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counsellor_home.py" line="114"/>
        <location filename="../../ui/mediation/mediator_sessions.py" line="90"/>
        <source>更新于 {at}；双击或按回车打开案件</source>
        <translation>Updated {at}; double-click or press Enter to open a case</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/admin_home.py" line="20"/>
        <location filename="../../ui/cases/home.py" line="25"/>
        <source>&lt;h2&gt;{display_name}，您好&lt;/h2&gt;&lt;p&gt;{label}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Hello, {display_name}&lt;/h2&gt;&lt;p&gt;{label}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/cases/home.py" line="31"/>
        <source>待办时限</source>
        <translation>Deadlines to do</translation>
    </message>
    <message>
        <location filename="../../ui/cases/home.py" line="32"/>
        <location filename="../../ui/review/review_home.py" line="38"/>
        <source>我承办的案件</source>
        <translation>Cases I handle</translation>
    </message>
    <message>
        <location filename="../../ui/cases/home.py" line="33"/>
        <location filename="../../ui/review/review_home.py" line="39"/>
        <source>本单位及下级案件</source>
        <translation>Cases of this unit and below</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="108"/>
        <location filename="../../ui/referral/inbox.py" line="85"/>
        <location filename="../../ui/screening/screening_register.py" line="145"/>
        <location filename="../../ui/screening/screening_register.py" line="161"/>
        <source>打开案件</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="87"/>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="100"/>
        <source>没有等待本单位接收的转介。</source>
        <translation>No referrals waiting for this unit to accept.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="103"/>
        <source>接收说明（可不填）；退回时必填退回理由</source>
        <translation>Note on acceptance (optional); a reason is required when returning</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="107"/>
        <location filename="../../ui/referral/referral_panel.py" line="122"/>
        <source>接收</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="108"/>
        <location filename="../../ui/referral/referral_panel.py" line="123"/>
        <location filename="../../ui/referral/referral_panel.py" line="256"/>
        <location filename="../../ui/reporting/reporting_page.py" line="157"/>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="132"/>
        <source>只看未办结的</source>
        <translation>Open only</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="144"/>
        <source>发给下级单位、等待其接收的转介，仅供了解；由接收单位接收或退回。</source>
        <translation>Referrals sent to units below, awaiting their acceptance: for information only; the receiving unit accepts or returns them.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="151"/>
        <location filename="../../ui/referral/inbox.py" line="195"/>
        <source>已发出</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="153"/>
        <location filename="../../ui/referral/inbox.py" line="181"/>
        <source>下级待接收</source>
        <translation>Awaiting units below</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/audit_log.py" line="57"/>
        <location filename="../../ui/referral/inbox.py" line="157"/>
        <location filename="../../ui/review/review_queue.py" line="103"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="160"/>
        <source>&lt;b&gt;转介收件箱&lt;/b&gt;&#x3000;&lt;span style=&apos;color:#5f6368&apos;&gt;上级交办、下级上报给本单位的案件；接收后案件移交本单位，由接收人承办。&lt;/span&gt;</source>
        <translation>&lt;b&gt;Referral inbox&lt;/b&gt;&#x3000;&lt;span style=&apos;color:#5f6368&apos;&gt;Cases assigned from above or reported from below to this unit; once accepted, the case moves to this unit and the person accepting handles it.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="181"/>
        <source>下级待接收（{n}）</source>
        <translation>Awaiting units below ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="194"/>
        <source>待接收（{waiting}）</source>
        <translation>Awaiting acceptance ({waiting})</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="195"/>
        <source>已发出（{n}）</source>
        <translation>Sent ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/clock_tasks.py" line="45"/>
        <source>届满日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/clock_tasks.py" line="64"/>
        <source>只看我承办的案件</source>
        <translation>Only cases I handle</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/clock_tasks.py" line="81"/>
        <source>没有计时中的时限。</source>
        <translation>No deadlines are running.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/audit_log.py" line="94"/>
        <location filename="../../ui/clocks/clock_tasks.py" line="112"/>
        <location filename="../../ui/referral/inbox.py" line="201"/>
        <location filename="../../ui/review/review_queue.py" line="200"/>
        <source>读取失败，请稍后重试。</source>
        <translation>Could not read the data; please try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/clock_tasks.py" line="113"/>
        <source>无法加载待办时限：{message}</source>
        <translation>Could not load the deadlines: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="202"/>
        <source>无法加载转介：{message}</source>
        <translation>Cannot load referrals: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="221"/>
        <source>该转介发给{to_unit_name}，只有该单位的工作人员可以接收或退回。</source>
        <translation>This referral is addressed to {to_unit_name}; only that unit&apos;s staff can accept or return it.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="223"/>
        <source>选择一条转介后可接收或退回。</source>
        <translation>Select a referral to accept or return it.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="241"/>
        <source>退回须说明理由（发送单位会看到）。</source>
        <translation>Returning requires a reason (the sending unit will see it).</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="256"/>
        <source>&lt;b&gt;已接收&lt;/b&gt; {case_no}《{case_title}》：案件已移交{to_unit_name}，由您承办。现在打开案件？</source>
        <translation>&lt;b&gt;Accepted&lt;/b&gt; {case_no} &quot;{case_title}&quot;: the case has moved to {to_unit_name} and you are handling it. Open the case now?</translation>
    </message>
    <message>
        <location filename="../../ui/referral/inbox.py" line="265"/>
        <source>&lt;b&gt;已退回&lt;/b&gt; {case_no}《{case_title}》给{from_unit_name}，案件仍由发送单位办理。</source>
        <translation>&lt;b&gt;Returned&lt;/b&gt; {case_no} &quot;{case_title}&quot; to {from_unit_name}; the sending unit keeps handling the case.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="51"/>
        <source>受理意见(&amp;Y)</source>
        <translation>Acceptance note (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="51"/>
        <source>不予受理理由(&amp;Y)</source>
        <translation>Reason for rejection (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="51"/>
        <source>转办说明(&amp;Y)</source>
        <translation>Transfer note (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="52"/>
        <source>答复内容(&amp;Y)</source>
        <translation>Answer given (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="52"/>
        <source>咨询答复(&amp;Y)</source>
        <translation>Advice given (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="56"/>
        <source>家中打骂、虐待或性侵(&amp;1)</source>
        <translation>Beaten, abused or sexually assaulted (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="57"/>
        <source>受威胁、跟踪或凶器恐吓(&amp;2)</source>
        <translation>Threats, stalking or a weapon (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="58"/>
        <source>提到自杀或自伤(&amp;3)</source>
        <translation>Speaks of suicide or self-harm (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="59"/>
        <source>孩子受伤害或无人照料(&amp;4)</source>
        <translation>A child is harmed or left without care (&amp;4)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="68"/>
        <source>必填：报督导审批，并书面告知信访人</source>
        <translation>Required: goes to a supervisor for approval; the petitioner is told in writing</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="69"/>
        <source>可不填：当场告知的内容</source>
        <translation>Optional: what was said on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="79"/>
        <source>代表 {i}</source>
        <translation>Representative {i}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="105"/>
        <source>必填；不愿透露的可填“匿名”</source>
        <translation>Required; &quot;匿名&quot; (anonymous) if the visitor will not say</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="112"/>
        <source> 岁</source>
        <translation> yrs</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="113"/>
        <source>18 位，末位可为 X；填写后自动查重</source>
        <translation>18 characters, last may be X; checked for duplicates once entered</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="118"/>
        <source>手机或座机（如 0731-88888888）</source>
        <translation>Mobile or landline (e.g. 0731-88888888)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="124"/>
        <source>用于书面告知</source>
        <translation>For written notices</translation>
    </message>
    <message>
        <location filename="../../ui/cases/closure_outcomes.py" line="30"/>
        <location filename="../../ui/intake/intake_fields.py" line="127"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../ui/cases/closure_outcomes.py" line="33"/>
        <source>涉及人数（1 至 {max} 人）</source>
        <translation>Persons concerned (1 to {max})</translation>
    </message>
    <message>
        <location filename="../../ui/cases/closure_outcomes.py" line="39"/>
        <source>本案办理中实际防止了民转刑案件、自杀，或制止了群体性上访的，勾选并填写涉及人数；统计报表按此计数。</source>
        <translation>If handling this case actually prevented a civil dispute from turning into a crime, prevented a suicide, or stopped a group petition, tick it and enter the persons concerned; the statistics report counts these.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/closure_outcomes.py" line="49"/>
        <source>结案成效（如有）</source>
        <translation>Closure outcomes (if any)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="128"/>
        <source>集体访（多人共同走访）(&amp;G)</source>
        <translation>&amp;Group visit (several people together)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="146"/>
        <source>重复访(&amp;W)</source>
        <translation>Repeat visit (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="149"/>
        <source>标记为家暴案件(&amp;J)</source>
        <translation>Mark as domestic violence (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="150"/>
        <source>标记为重大案事件(&amp;R)</source>
        <translation>Ma&amp;rk as major incident</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="305"/>
        <source>渠道(&amp;C)</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="306"/>
        <source>接待时间(&amp;T)</source>
        <translation>&amp;Time received</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="307"/>
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="308"/>
        <source>身份证号(&amp;I)</source>
        <translation>&amp;ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="309"/>
        <source>性别(&amp;X)</source>
        <translation>Se&amp;x</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="309"/>
        <source>年龄(&amp;A)</source>
        <translation>&amp;Age</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="310"/>
        <source>出生日期(&amp;B)</source>
        <translation>&amp;Birth date</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="311"/>
        <source>联系电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="311"/>
        <source>婚姻状况(&amp;M)</source>
        <translation>&amp;Marital status</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="312"/>
        <source>住址(&amp;D)</source>
        <translation>A&amp;ddress</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="312"/>
        <source>人数(&amp;U)</source>
        <translation>N&amp;umber of people</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="313"/>
        <source>代表(&amp;E)</source>
        <translation>R&amp;epresentatives</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="314"/>
        <source>请求(&amp;Q)</source>
        <translation>Re&amp;quest</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="314"/>
        <location filename="../../ui/intake/intake_form.py" line="143"/>
        <source>事实和理由(&amp;F)</source>
        <translation>&amp;Facts and reasons</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="315"/>
        <source>风险筛查</source>
        <translation>Risk screening</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="316"/>
        <source>投诉类别(&amp;K)</source>
        <translation>Category (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="316"/>
        <source>子类(&amp;Z)</source>
        <translation>Subcategory (&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="317"/>
        <source>处理方式(&amp;H)</source>
        <translation>&amp;Handling</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="318"/>
        <source>转办去向(&amp;O)</source>
        <translation>Transferred t&amp;o</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="319"/>
        <source>处理意见(&amp;Y)</source>
        <translation>Handling note (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="130"/>
        <source>信访人的请求（必填）</source>
        <translation>Petitioner&apos;s request (required)</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="313"/>
        <location filename="../../ui/intake/intake_fields.py" line="131"/>
        <source>事实和理由</source>
        <translation>Facts and reasons</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="144"/>
        <source>转往的机关或单位，如 望城区人民法院</source>
        <translation>Authority or unit transferred to, e.g. Wangcheng District People&apos;s Court</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="16"/>
        <source>重复访</source>
        <translation>Repeat visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="189"/>
        <source>请选择（可不选）</source>
        <translation>Please choose (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="193"/>
        <source>（无子类）</source>
        <translation>(no subtypes)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="193"/>
        <source>先选类别</source>
        <translation>Choose a type first</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="305"/>
        <source>来访信息</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="16"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="304"/>
        <location filename="../../ui/intake/intake_records.py" line="16"/>
        <source>接待时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="307"/>
        <location filename="../../ui/intake/intake_records.py" line="16"/>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="16"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="314"/>
        <source>信访事项</source>
        <translation>Petition matter</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="281"/>
        <source>投诉类别</source>
        <translation>Complaint type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_fields.py" line="317"/>
        <source>处理</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="320"/>
        <source>处理方式</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="122"/>
        <source>清空(&amp;L) (Esc)</source>
        <translation>C&amp;lear (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="124"/>
        <source>保存登记(&amp;S) (Ctrl+S)</source>
        <translation>&amp;Save entry (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="127"/>
        <source>当日登记簿(&amp;D)…</source>
        <translation>Day&apos;s register (&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="128"/>
        <source>预览并打印本处今天的来访登记簿</source>
        <translation>Preview and print this office&apos;s visitor register for today</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="139"/>
        <source>&lt;span style=&apos;font-size:16px; font-weight:bold&apos;&gt;来访登记&lt;/span&gt;&#x3000;&lt;span style=&apos;color:#5f6368&apos;&gt;{who}&#x3000;回车到下一项（多行框内 Ctrl+回车换行），Alt+字母跳到该项，Ctrl+S 保存，Esc 清空&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;font-size:16px; font-weight:bold&apos;&gt;Intake&lt;/span&gt;&#x3000;&lt;span style=&apos;color:#5f6368&apos;&gt;{who}&#x3000;Enter: next field (Ctrl+Enter: new line in a text box), Alt+letter: jump to a field, Ctrl+S: save, Esc: clear&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="246"/>
        <source>可能涉及：&lt;b&gt;{what}&lt;/b&gt;</source>
        <translation>May involve: &lt;b&gt;{what}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="248"/>
        <location filename="../../ui/intake/intake_form.py" line="452"/>
        <source>（提到 {words}）</source>
        <translation> (mentions {words})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="249"/>
        <source>。请向来访人核实，确认下方标记；保存后将进行危险评估。</source>
        <translation>. Check with the visitor and confirm the flags below; a danger assessment follows the save.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="315"/>
        <source>系统判断为重复访：{reasons}</source>
        <translation>Judged a repeat visit: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="95"/>
        <location filename="../../ui/cases/case_header.py" line="155"/>
        <location filename="../../ui/intake/intake_form.py" line="324"/>
        <location filename="../../ui/intake/intake_form.py" line="339"/>
        <location filename="../../ui/review/review_table.py" line="56"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="338"/>
        <source>保存前请改正：</source>
        <translation>Correct before saving: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="338"/>
        <source>待填写：</source>
        <translation>Still to fill in: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="341"/>
        <source>上次保存未成功：{message}</source>
        <translation>The last save did not succeed: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="345"/>
        <source>可以保存（Ctrl+S）。</source>
        <translation>Ready to save (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="445"/>
        <source>案件已转办，危险评估由接收单位进行；如有紧急危险，请立即报警。</source>
        <translation>The case was transferred: the receiving organ assesses the danger. In immediate danger, call the police now.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="451"/>
        <source>接待人员标记为家暴或重大</source>
        <translation>Marked as domestic violence or major by the desk</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="501"/>
        <source>未保存：{message}</source>
        <translation>Not saved: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="512"/>
        <source>清空表单</source>
        <translation>Clear form</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_form.py" line="512"/>
        <source>清空本次填写的全部内容？</source>
        <translation>Clear everything entered in this form?</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="18"/>
        <source>已登记 &lt;b&gt;{visitor_name}&lt;/b&gt; 的{label}（{received_at}</source>
        <translation>Registered &lt;b&gt;{visitor_name}&lt;/b&gt;&apos;s {label} ({received_at}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="19"/>
        <source>，{people_count} 人，集体访）</source>
        <translation>, {people_count} people, group visit)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="22"/>
        <source>处理：&lt;b&gt;受理&lt;/b&gt;，已立案 &lt;b&gt;{case_no}&lt;/b&gt;，转入办理。</source>
        <translation>Decision: &lt;b&gt;accepted&lt;/b&gt;, case &lt;b&gt;{case_no}&lt;/b&gt; opened and under way.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="24"/>
        <source>处理：&lt;b&gt;不予受理&lt;/b&gt;，已立案 &lt;b&gt;{case_no}&lt;/b&gt;，待督导审批后书面告知信访人。</source>
        <translation>Decision: &lt;b&gt;not accepted&lt;/b&gt;, case &lt;b&gt;{case_no}&lt;/b&gt; opened; the petitioner is told in writing after supervisor approval.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="26"/>
        <source>处理：&lt;b&gt;转办&lt;/b&gt;至 {transfer_to}，案件 &lt;b&gt;{case_no}&lt;/b&gt;。</source>
        <translation>Decision: &lt;b&gt;transferred&lt;/b&gt; to {transfer_to}, case &lt;b&gt;{case_no}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="29"/>
        <source>理由：{note}</source>
        <translation>Reason: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="31"/>
        <source>处理：&lt;b&gt;{label}&lt;/b&gt;，已计入接待登记，不立案。</source>
        <translation>Decision: &lt;b&gt;{label}&lt;/b&gt;, recorded as an intake; no case opened.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="35"/>
        <source>已按&lt;b&gt;重复访&lt;/b&gt;登记：{why}。</source>
        <translation>Registered as a &lt;b&gt;repeat visit&lt;/b&gt;: {why}.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="35"/>
        <source>已按&lt;b&gt;重复访&lt;/b&gt;登记。</source>
        <translation>Registered as a &lt;b&gt;repeat visit&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="37"/>
        <source>提示：{warnings}</source>
        <translation>Note: {warnings}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="53"/>
        <source>打开案件(&amp;V)</source>
        <translation>Open case (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_result.py" line="56"/>
        <source>知道了(&amp;0)</source>
        <translation>OK (&amp;0)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar.py" line="61"/>
        <location filename="../../ui/mediation/mediator_sessions.py" line="95"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar.py" line="63"/>
        <source>◀ 上一周</source>
        <translation>◀ Previous week</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar.py" line="65"/>
        <source>下一周 ▶</source>
        <translation>Next week ▶</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar.py" line="72"/>
        <source>我的调解</source>
        <translation>My mediations</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar.py" line="74"/>
        <source>全部调解员</source>
        <translation>All mediators</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar.py" line="78"/>
        <source>显示已取消</source>
        <translation>Show cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar.py" line="164"/>
        <source>{start} 至 {end}（第 {n} 周）</source>
        <translation>{start} to {end} (week {n})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar.py" line="183"/>
        <source>本周 {n} 次调解。</source>
        <translation>{n} mediations this week.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar.py" line="185"/>
        <source>今天 {n} 次。</source>
        <translation>{n} today.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_calendar.py" line="187"/>
        <source>这一周没有调解安排。在案件的“调解”标签中点“安排调解”，安排会显示在这里；也可用“上一周”“下一周”查看其他周。</source>
        <translation>No mediation sessions this week. Schedule one with “Schedule mediation” on a case&apos;s Mediation tab and it shows here; “Previous week” and “Next week” show other weeks.</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="26"/>
        <source>案件结案</source>
        <translation>Case closure</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="26"/>
        <source>案件不予受理</source>
        <translation>Case not accepted</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="26"/>
        <source>案件终止</source>
        <translation>Case termination</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="26"/>
        <source>期限延长</source>
        <translation>Time limit extension</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="40"/>
        <source>申请事项</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="41"/>
        <source>申请理由</source>
        <translation>Reason given</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="42"/>
        <source>（拟处理意见：{label}）</source>
        <translation> (proposed opinion: {label})</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="44"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="45"/>
        <source>申请时间</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="60"/>
        <source>&lt;b&gt;待审批&lt;/b&gt;</source>
        <translation>&lt;b&gt;Awaiting approval&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="78"/>
        <source>审批意见（驳回时必填）</source>
        <translation>Approval note (required when rejecting)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="107"/>
        <location filename="../../ui/cases/approval_bar.py" line="142"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="291"/>
        <location filename="../../ui/review/review_approvals.py" line="82"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="108"/>
        <location filename="../../ui/cases/approval_bar.py" line="144"/>
        <location filename="../../ui/crisis/crisis_orders.py" line="83"/>
        <location filename="../../ui/review/review_approvals.py" line="83"/>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="101"/>
        <location filename="../../ui/cases/approval_bar.py" line="110"/>
        <location filename="../../ui/review/review_approvals.py" line="88"/>
        <location filename="../../ui/review/review_approvals.py" line="139"/>
        <source>这是您本人提出的申请，不能自己审批，须由其他督导审批。</source>
        <translation>You made this request yourself, so you cannot decide it; another supervisor must.</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="93"/>
        <source>意见</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="109"/>
        <source>&lt;b&gt;待审批（{n}）&lt;/b&gt;</source>
        <translation>&lt;b&gt;Awaiting approval ({n})&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="109"/>
        <source>&#x3000;&lt;span style=&apos;color:#5f6368&apos;&gt;没有待审批的申请&lt;/span&gt;</source>
        <translation>&#x3000;&lt;span style=&apos;color:#5f6368&apos;&gt;No requests awaiting approval&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="146"/>
        <source>批准后{effect}</source>
        <translation>If approved: {effect}</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="147"/>
        <source>驳回须填写意见。</source>
        <translation>Rejecting needs a comment.</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="355"/>
        <location filename="../../ui/review/review_approvals.py" line="160"/>
        <source>驳回须说明理由。</source>
        <translation>Rejecting requires a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="165"/>
        <source>正在提交…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="146"/>
        <location filename="../../ui/review/review_approvals.py" line="174"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="146"/>
        <location filename="../../ui/review/review_approvals.py" line="174"/>
        <source>已驳回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_approvals.py" line="176"/>
        <source>&lt;span style=&apos;color:#1e8e3e&apos;&gt;{verb} {what} 的{label}申请{effect}。&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1e8e3e&apos;&gt;{verb}: {what}, {label} request{effect}.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_home.py" line="27"/>
        <source>&lt;b&gt;{display_name}&lt;/b&gt;，您好（{label}）。&lt;span style=&apos;color:#5f6368&apos;&gt;审核队列按紧急程度排列：重大案事件、已超期、待审批、即将到期、长期无进展。&lt;/span&gt;</source>
        <translation>&lt;b&gt;Hello, {display_name}&lt;/b&gt; ({label}). &lt;span style=&apos;color:#5f6368&apos;&gt;The review queue is ordered by urgency: major incidents, overdue, awaiting approval, due soon, long without progress.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_queue.py" line="127"/>
        <source>审核队列为空：辖区内没有需要督导关注的案件。</source>
        <translation>The review queue is empty: no cases in your area need supervisor attention.</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_queue.py" line="170"/>
        <source>更新于 {now:%H:%M}</source>
        <translation>Updated {now:%H:%M}</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_queue.py" line="201"/>
        <source>无法加载审核队列：{message}</source>
        <translation>Cannot load the review queue: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="72"/>
        <location filename="../../ui/cases/case_list.py" line="136"/>
        <location filename="../../ui/cases/case_list.py" line="152"/>
        <location filename="../../ui/review/review_queue.py" line="233"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="115"/>
        <source>村（社区）(&amp;U)</source>
        <translation>Village/community (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="117"/>
        <source>显示已化解</source>
        <translation>Show resolved</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="142"/>
        <source>新增(&amp;N)…</source>
        <translation>New (&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="142"/>
        <source>记录走访(&amp;V)…</source>
        <translation>Record visit (&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="143"/>
        <source>化解…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="144"/>
        <source>转为案件(&amp;C)…</source>
        <translation>Convert to case (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="151"/>
        <source>记录走访…</source>
        <translation>Record visit…</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="157"/>
        <source>新增线索…</source>
        <translation>New lead…</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="158"/>
        <source>转为案件…</source>
        <translation>Convert to case…</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="159"/>
        <source>排除…</source>
        <translation>Dismiss…</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="160"/>
        <source>恢复待处理</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="164"/>
        <source>排查名册</source>
        <translation>Screening register</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="165"/>
        <source>逾期走访</source>
        <translation>Overdue visits</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="191"/>
        <source>全部（辖区内各村社区）</source>
        <translation>All (every village/community in the area)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="221"/>
        <source>在册 {active} 户，逾期未走访 {overdue} 户</source>
        <translation>{active} households registered, {overdue} overdue for a visit</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="223"/>
        <source>逾期走访（{n}）</source>
        <translation>Overdue visits ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="225"/>
        <source>网络舆情（待处理 {n}）</source>
        <translation>Online opinion ({n} pending)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="240"/>
        <source>选择一条登记查看走访记录。</source>
        <translation>Select an entry to see its visits.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="240"/>
        <source>正在读取走访记录…</source>
        <translation>Reading visits…</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="250"/>
        <source>未能读取走访记录。</source>
        <translation>Could not read the visits.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="263"/>
        <source>{method}&#x3000;{visitor}（{level}风险）：{findings}</source>
        <translation>{method}  {visitor} ({level} risk): {findings}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="379"/>
        <source>排除舆情线索</source>
        <translation>Dismiss online lead</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="379"/>
        <source>排除理由</source>
        <translation>Reason for dismissing</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="379"/>
        <source>排除</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="380"/>
        <source>经核实无需立案的线索标为“已排除”，仍保留在列表中；如有新情况可恢复为待处理。</source>
        <translation>A lead that needs no case after checking is marked “dismissed” and stays in the list; if something new comes up it can be reopened.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="381"/>
        <source>如：经村委会核实，系谣传；已由派出所处理</source>
        <translation>e.g. checked with the village committee: a rumour; already handled by the police station</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="384"/>
        <source>已排除</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="390"/>
        <source>已恢复为待处理</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="80"/>
        <location filename="../../ui/screening/screening_register.py" line="258"/>
        <location filename="../../ui/statistics/dashboard.py" line="148"/>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="266"/>
        <source>走访记录（{n} 次）</source>
        <translation>Visits ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="267"/>
        <source>&lt;p&gt;尚无走访。&lt;/p&gt;</source>
        <translation>&lt;p&gt;No visits yet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="297"/>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="307"/>
        <source>已记录走访</source>
        <translation>Visit recorded</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="329"/>
        <source>排查发现：{subject}</source>
        <translation>Found in screening: {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="330"/>
        <source>案件来源为“排查发现”，登记和走访记录一并转入案件时间线；该登记随后不再安排走访。</source>
        <translation>The case source is &quot;Found in screening&quot;; the entry and its visits go into the case timeline, and no further visits are scheduled for the entry.</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="363"/>
        <source>已登记舆情线索</source>
        <translation>Online-opinion lead registered</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="370"/>
        <source>网络舆情：{summary}</source>
        <translation>Online opinion: {summary}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/screening_register.py" line="371"/>
        <source>案件来源为“网络舆情”，线索记入案件时间线。</source>
        <translation>The case source is &quot;Online opinion&quot;; the lead goes into the case timeline.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="81"/>
        <location filename="../../ui/accounts/settings.py" line="98"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="102"/>
        <location filename="../../ui/setup/server_settings.py" line="74"/>
        <source>保存(&amp;S)</source>
        <translation>Save (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="103"/>
        <location filename="../../ui/crisis/crisis_plan.py" line="102"/>
        <source>撤销修改</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="122"/>
        <source>超过这段时间没有键盘或鼠标操作，窗口自动锁定，需重新输入密码。</source>
        <translation>After this long without keyboard or mouse activity the window locks and the password must be entered again.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="124"/>
        <source>打印文书时落款使用的单位全称；留空则使用区级单位名称。</source>
        <translation>Full unit name signed on printed documents; if blank, the district unit&apos;s name is used.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="133"/>
        <source>接待台等他人看得到屏幕的电脑上，案件列表中的姓名显示为“王某某”；打开案件后仍显示全名。</source>
        <translation>On a computer whose screen others can see, such as the reception desk, names in case lists show the surname only (Wang XX); an opened case still shows the full name.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="127"/>
        <source>信访复查机关(&amp;R)</source>
        <translation>Petition &amp;review body</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="91"/>
        <source> 日</source>
        <translation> (day)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="95"/>
        <source>区平台同步服务地址，如 https://10.0.0.2:8443（由区里提供）</source>
        <translation>The district sync service address, such as https://10.0.0.2:8443 (from the district)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="99"/>
        <source>不自动同步</source>
        <translation>No automatic sync</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="110"/>
        <source>本处登记簿：保留纸质来访登记簿(&amp;B)</source>
        <translation>This office keeps a paper visitor register (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="128"/>
        <source>区级出具的信访事项处理意见书告知的复查机关，例如“长沙市妇女联合会”（信访工作条例第三十五条）。街镇、村社区的意见书按组织架构由上级单位出具和复查。</source>
        <translation>The body named for review in the district&apos;s petition outcome letters, e.g. the city women&apos;s federation (Art. 35 of the Petition Regulation). Letters of towns and villages are issued and reviewed one level up in the organisation tree.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="131"/>
        <source>下级单位的月度统计报表须在次月这一天（中国时间）之前提交，过后在“上报”页和督导首页显示为逾期未报。</source>
        <translation>The units below must submit their monthly report by this day of the following month (China time); after it, the Reports page and the supervisor&apos;s home show them as overdue.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="135"/>
        <source>本处另有纸质登记簿时勾选：每次保存来访登记后，接待台预览并打印当日登记簿的这一行（序号、时间、案号、姓名、事由、处理去向），按回车即打印；姓名是否隐去按上一项。</source>
        <translation>Tick if this office also keeps a paper register: after each contact is saved, the desk previews that day&apos;s register line (number, time, case number, name, matter, outcome) and Enter prints it; names are masked as set above.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="137"/>
        <source>区平台服务器地址(&amp;V)</source>
        <translation>District ser&amp;ver address</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="138"/>
        <source>自动同步间隔(&amp;Y)</source>
        <translation>Automatic s&amp;ync every</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="139"/>
        <source>站点填写区平台服务器地址（区平台同步服务的地址）后，“站点同步”页的“交换”直接与区平台同步，程序也会在登录后和每隔这段时间自动同步（0 为不自动同步）；连不上时仍可用U盘交换。站点不需要也不保存区平台的任何密码：交换的只是加密、签名的同步包。区里的电脑留空。</source>
        <translation>With the district server address (the address of the district&apos;s sync service) filled in at a station, “Exchange” on the Station sync page syncs straight with the district platform, and the program also syncs on its own after login and at this interval (0: no automatic sync); when the server cannot be reached, a USB drive still works. A station needs and keeps no password of the district: only encrypted, signed bundles are exchanged. Leave empty on the district&apos;s computers.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="154"/>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="154"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="154"/>
        <source>加密</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="155"/>
        <source>结构版本</source>
        <translation>Schema version</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="155"/>
        <source>数据类型</source>
        <translation>Data type</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="160"/>
        <source>数据存储</source>
        <translation>Data store</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="173"/>
        <source>界面语言(&amp;I)</source>
        <translation>Interface language (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="175"/>
        <source>界面语言（本机）</source>
        <translation>Interface language (this computer)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="234"/>
        <source>已改为 {language}，重新启动程序后生效。</source>
        <translation>Changed to {language}; takes effect after restarting the program.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="271"/>
        <location filename="../../ui/accounts/settings.py" line="273"/>
        <source>有未保存的修改。</source>
        <translation>There are unsaved changes.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="38"/>
        <location filename="../../ui/sync/sync_stations_admin.py" line="144"/>
        <source>确认密钥持有人</source>
        <translation>Confirm the key holder</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="39"/>
        <source>开通文件里有该单位的全部案件和新站点的密钥，只能由本数据存储的密钥持有人办理。</source>
        <translation>The package holds all of the unit&apos;s cases and the new station&apos;s keys: only this data store&apos;s key holder may make it.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="41"/>
        <source>数据存储口令，或恢复码</source>
        <translation>Data store passphrase, or recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="43"/>
        <source>请输入创建本数据存储时设置的口令；没有设置口令的，请输入恢复码（32 个字符）。此信息只用于确认身份，不会保存。</source>
        <translation>Enter the passphrase set when this data store was created; if none was set, enter the recovery code (32 characters). It is only used to confirm who you are and is not kept.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="72"/>
        <source>选择要开通站点的单位</source>
        <translation>Choose the unit to open a station for</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="73"/>
        <source>只列出还没有站点的街镇和村（社区）。开通后，该单位的全部案件会随开通文件交给新站点。</source>
        <translation>Only towns and villages without a station are listed. The unit&apos;s cases all go to the new station with the package.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="76"/>
        <source>所有单位都已开通站点。如需为某个单位更换电脑，请先在站点列表中停用它原来的站点。</source>
        <translation>Every unit has a station. To give a unit a new computer, first retire its old station in the station list.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="105"/>
        <location filename="../../ui/sync/station_open_wizard.py" line="135"/>
        <source>保存开通文件</source>
        <translation>Save the station package</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="106"/>
        <source>请插入U盘，选择保存位置。开通文件已加密，没有开通码打不开；开通码在下一页显示。</source>
        <translation>Insert the USB drive and choose where to save. The package is encrypted and cannot be opened without the code, which is shown on the next page.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="110"/>
        <source>选择位置(&amp;L)…</source>
        <translation>Choose location (&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="136"/>
        <source>站点开通文件 (*.fprov)</source>
        <translation>Station package (*.fprov)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="159"/>
        <source>找不到文件夹 {folder}。请插好U盘后重新选择位置。</source>
        <translation>Folder {folder} not found. Insert the USB drive and choose the location again.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="164"/>
        <source>正在生成开通文件…</source>
        <translation>Making the station package…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="288"/>
        <location filename="../../ui/accounts/settings.py" line="363"/>
        <location filename="../../ui/sync/station_open_wizard.py" line="179"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="310"/>
        <source>保存委员会名称</source>
        <translation>Save committee name</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="318"/>
        <source>单位(&amp;U)</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="319"/>
        <source>人民调解委员会全称(&amp;C)</source>
        <translation>Full name of the mediation &amp;committee</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="320"/>
        <source>印在该单位调解协议书的印章处，须以“人民调解委员会”结尾；留空则按单位名称印制。</source>
        <translation>Printed at the seal of this unit&apos;s mediation agreements; it must be the committee&apos;s full name (ending in the Chinese for “People&apos;s Mediation Committee”). Left empty, the unit&apos;s name is used.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="324"/>
        <source>人民调解委员会</source>
        <translation>People&apos;s mediation committee</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="349"/>
        <source>{unit}人民调解委员会</source>
        <translation>{unit} people&apos;s mediation committee</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="187"/>
        <source>生成开通文件时出错，没有开通站点。请检查保存位置后重试。</source>
        <translation>The package could not be made; no station was opened. Check the location and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="195"/>
        <source>开通码（只显示这一次）</source>
        <translation>One-time code (shown only once)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="196"/>
        <source>开通码与开通文件要分开交付：当面念给对方，或打印纸条另行交给对方。</source>
        <translation>Hand over the code and the package separately: read it out in person, or print the slip and hand it over apart from the drive.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="207"/>
        <source>打印开通码纸条(&amp;P)…</source>
        <translation>Print the code slip (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="210"/>
        <source>我已记下开通码，会与开通文件分开交给站点(&amp;S)</source>
        <translation>I have noted the code and will hand it to the station apart from the package (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="215"/>
        <source>站点首次启动幸福号时，选择“加入区平台（站点）”，选择开通文件并输入此开通码。开通码不区分大小写；“0”都是数字零。</source>
        <translation>At the station&apos;s first start, choose &quot;Join the district platform (station)&quot;, pick the package and type this code. Case does not matter; every &quot;0&quot; is the digit zero.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="230"/>
        <source>已为“{unit}”开通站点（{n} 条记录），开通文件保存在：{path}</source>
        <translation>Station opened for &quot;{unit}&quot; ({n} records); the package is saved at: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="241"/>
        <source>打印开通码</source>
        <translation>Print the one-time code</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="249"/>
        <source>幸福号站点开通码</source>
        <translation>Fulian station code</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="258"/>
        <source>已发送打印。请把纸条与开通文件分开交给站点。</source>
        <translation>Sent to the printer. Hand the slip to the station apart from the package.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="264"/>
        <source>&lt;h2 style=&apos;text-align:center&apos;&gt;幸福号 · 站点开通码&lt;/h2&gt;&lt;p&gt;站点单位：{unit}&lt;/p&gt;&lt;p&gt;生成时间：{when:%Y年%m月%d日 %H:%M}&lt;/p&gt;&lt;p&gt;开通码：&lt;/p&gt;&lt;p style=&apos;font-family:monospace;font-size:16pt;font-weight:bold;text-align:center;white-space:nowrap&apos;&gt;{code}&lt;/p&gt;&lt;p&gt;使用方法：在站点电脑上首次启动幸福号，选择“加入区平台（站点）”，选择U盘中的开通文件，输入上面的开通码。&lt;/p&gt;&lt;p&gt;开通码只能与对应的开通文件一起使用。请不要把本纸条和U盘放在一起交付；站点开通后请将本纸条销毁。&lt;/p&gt;&lt;p&gt;交付人：______________&#x3000;&#x3000;接收人：______________&lt;/p&gt;</source>
        <translation>&lt;h2 style=&apos;text-align:center&apos;&gt;Fulian · Station code&lt;/h2&gt;&lt;p&gt;Station unit: {unit}&lt;/p&gt;&lt;p&gt;Made: {when:%Y-%m-%d %H:%M}&lt;/p&gt;&lt;p&gt;Code:&lt;/p&gt;&lt;p style=&apos;font-family:monospace;font-size:16pt;font-weight:bold;text-align:center;white-space:nowrap&apos;&gt;{code}&lt;/p&gt;&lt;p&gt;How to use: at the station computer&apos;s first start of Fulian, choose &quot;Join the district platform (station)&quot;, pick the package on the USB drive and type the code above.&lt;/p&gt;&lt;p&gt;The code only opens its own package. Do not hand this slip over together with the USB drive; destroy it once the station is open.&lt;/p&gt;&lt;p&gt;Handed over by: ______________&#x3000;&#x3000;Received by: ______________&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/sync/station_open_wizard.py" line="286"/>
        <source>生成开通文件(&amp;C)</source>
        <translation>Make package (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="378"/>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="384"/>
        <source>每行一天，例如：
2027-01-01 休
2027-02-07 班
# 之后为注释</source>
        <translation>One day per line, e.g.:
2027-01-01 休
2027-02-07 班
# starts a comment (休 = rest day, 班 = working day)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="386"/>
        <source>本年已完整录入</source>
        <translation>This year is fully entered</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="389"/>
        <source>按国务院通知确认(&amp;N)…</source>
        <translation>Confirm from State Council &amp;notice…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="390"/>
        <source>粘贴国务院办公厅节假日安排通知全文，核对后保存为该年的工作日历</source>
        <translation>Paste the full text of the State Council&apos;s holiday notice, check it, and save it as the year&apos;s working-day calendar</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="398"/>
        <source>年份(&amp;Y)</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="405"/>
        <source>工作日历</source>
        <translation>Working-day calendar</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="408"/>
        <source>内置日历包不含的年份，先按《全国年节及纪念日放假办法》推算法定节假日和补假（暂定）；国务院办公厅放假通知发布后，点“按国务院通知确认”粘贴通知全文即可。也可在下面逐日录入休息日（休）和调休上班日（班）。保存后所有计时中的时限重新计算。</source>
        <translation>For a year the built-in calendar does not cover, the statutory holidays and their make-up days are computed from the national holiday regulation (provisional). Once the State Council&apos;s holiday notice is out, click &quot;Confirm from State Council notice&quot; and paste its full text. You can also enter each rest day (休) and make-up working day (班) below. Saving recomputes every running deadline.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="436"/>
        <source>{year} 年的日历由管理员录入，已声明完整。</source>
        <translation>The {year} calendar was entered by an administrator and declared complete.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="438"/>
        <source>{year} 年的日历已包含在内置日历包中；此处录入的日期优先。</source>
        <translation>The {year} calendar is in the built-in calendar package; dates entered here take precedence.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="440"/>
        <source>{year} 年尚未确认（内置日历包含 {first}–{last} 年）：按《全国年节及纪念日放假办法》推算法定节假日和补假，调休待国务院通知，涉及该年的时限注明“暂定”。</source>
        <translation>{year} is not confirmed yet (the built-in calendar covers {first}–{last}): its statutory holidays and make-up days are computed from the national holiday regulation, bridging days await the State Council&apos;s notice, and deadlines in that year are marked &quot;provisional&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="444"/>
        <source>{year} 年的日历未知（内置日历包含 {first}–{last} 年）：按周一至周五计算，涉及该年的时限会注明“日历未知”。录入后勾选“本年已完整录入”。</source>
        <translation>The {year} calendar is unknown (the built-in calendar covers {first}–{last}): Monday to Friday count as working days, and deadlines in that year are marked &quot;calendar unknown&quot;. After entering it, tick &quot;This year is fully entered&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="464"/>
        <source>已保存，{count} 个时限已重新计算</source>
        <translation>Saved; {count} deadlines were recomputed</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="475"/>
        <source>已按通知确认（{days} 天），{count} 个时限已重新计算</source>
        <translation>Confirmed from the notice ({days} days); {count} deadlines recomputed</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="496"/>
        <source>SQLite {version}（单机加密文件）</source>
        <translation>SQLite {version} (encrypted local file)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="499"/>
        <source>由数据库服务器负责</source>
        <translation>Handled by the database server</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="499"/>
        <source>未加密</source>
        <translation>Not encrypted</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="501"/>
        <source>（数据库服务器）</source>
        <translation>(database server)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="502"/>
        <source>演示数据（虚构，仅供培训和试用）</source>
        <translation>Demo data (fictitious, for training and trials only)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/settings.py" line="502"/>
        <source>正式数据</source>
        <translation>Live data</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="43"/>
        <source>已锁定，请重新登录。</source>
        <translation>Locked; please log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="28"/>
        <source>案件结案，所有时限停止计时。</source>
        <translation>the case is closed and all time limits stop.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="28"/>
        <source>案件退回“办理中”继续办理。</source>
        <translation>the case goes back to &quot;In progress&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="29"/>
        <source>案件改为“不予受理”，所有时限停止计时。</source>
        <translation>the case becomes &quot;Not accepted&quot; and all time limits stop.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="29"/>
        <source>案件仍为“登记”，可继续受理。</source>
        <translation>the case stays &quot;Registered&quot; and can still be accepted.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="30"/>
        <source>案件终止，所有时限停止计时。</source>
        <translation>the case is terminated and all time limits stop.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="30"/>
        <source>案件继续办理。</source>
        <translation>the case continues.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="31"/>
        <source>该时限按申请延长。</source>
        <translation>the time limit is extended as requested.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="31"/>
        <source>时限不变。</source>
        <translation>the time limit is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="32"/>
        <source>取消重大案事件标记。</source>
        <translation>the major-incident flag is removed.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="32"/>
        <source>案件仍为重大案事件。</source>
        <translation>the case remains a major incident.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="44"/>
        <source>延期 {days} 天（{clock}）</source>
        <translation>Extend by {days} days ({clock})</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="49"/>
        <source>待审批：{approval_title}（{requested_by_name}申请）</source>
        <translation>Awaiting approval: {approval_title} (requested by {requested_by_name})</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="85"/>
        <source>&lt;b&gt;{approval_text}&lt;/b&gt;&#x3000;{requested_at}&lt;br&gt;&lt;span style=&apos;color:#444&apos;&gt;理由：{reason}&lt;/span&gt;</source>
        <translation>&lt;b&gt;{approval_text}&lt;/b&gt;&#x3000;{requested_at}&lt;br&gt;&lt;span style=&apos;color:#444&apos;&gt;Reason: {reason}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="89"/>
        <source>拟处理意见：{label}；事实和依据：{basis}</source>
        <translation>Proposed opinion: {label}; facts and basis: {basis}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="90"/>
        <source>查明的事实：{facts}</source>
        <translation>Facts found: {facts}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="91"/>
        <source>查明的事实：未填写（不能批准，请驳回由承办人补填）</source>
        <translation>Facts found: not entered (cannot be approved; reject it so the handler adds them)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="95"/>
        <location filename="../../ui/cases/case_header.py" line="156"/>
        <source>{label} {persons} 人</source>
        <translation>{label}: {persons} person(s)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="98"/>
        <location filename="../../ui/cases/case_header.py" line="155"/>
        <source>结案成效：{outcomes}</source>
        <translation>Closure outcomes: {outcomes}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="114"/>
        <source>批准：{effect}</source>
        <translation>Approve: {effect}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="115"/>
        <source>驳回（须说明理由）：{effect}</source>
        <translation>Reject (reason required): {effect}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="137"/>
        <source>{requested_by_name}申请{title}。理由：{reason}
批准后：{effect}</source>
        <translation>{requested_by_name} requests {title}. Reason: {reason}
If approved: {effect}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="138"/>
        <source>{requested_by_name}申请{title}。理由：{reason}
驳回后：{effect}</source>
        <translation>{requested_by_name} requests {title}. Reason: {reason}
If rejected: {effect}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="142"/>
        <source>批准：{title}</source>
        <translation>Approve: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="142"/>
        <source>审批意见</source>
        <translation>Approval note</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="144"/>
        <source>驳回：{title}</source>
        <translation>Reject: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/approval_bar.py" line="144"/>
        <source>驳回理由</source>
        <translation>Reason for rejecting</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="38"/>
        <source>不予受理的理由</source>
        <translation>Reason for not accepting</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="38"/>
        <source>不予受理须经督导审批：提交后送督导审批，批准后案件才改为“不予受理”。在此之前，受理期限照常计时。</source>
        <translation>Not accepting requires supervisor approval: the request goes to a supervisor, and the case becomes &quot;Not accepted&quot; only once approved. Until then the acceptance time limit keeps running.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="40"/>
        <source>终止的理由（如当事人拒绝调解）</source>
        <translation>Reason for terminating (e.g. a party refuses mediation)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="40"/>
        <source>终止须经督导审批：提交后送督导审批，批准后案件才终止。</source>
        <translation>Termination requires supervisor approval: the request goes to a supervisor, and the case ends only once approved.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="41"/>
        <source>申请结案的理由（办理结果）</source>
        <translation>Reason for requesting closure (outcome)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="41"/>
        <source>提交后案件转为“待结案审核”，送督导审批：批准即结案，驳回则退回继续办理。</source>
        <translation>Once submitted, the case becomes &quot;Awaiting closure review&quot; and goes to a supervisor: approval closes it, rejection returns it for further handling.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="43"/>
        <source>转办的去向和理由</source>
        <translation>Where it is transferred to, and why</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="43"/>
        <source>转办后本案办结，所有时限停止计时。</source>
        <translation>After transfer this case is finished and all time limits stop.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="44"/>
        <source>重新办理的理由</source>
        <translation>Reason for reopening</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="44"/>
        <source>案件将恢复为“办理中”。</source>
        <translation>The case goes back to &quot;In progress&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="77"/>
        <location filename="../../ui/cases/case_actions.py" line="201"/>
        <source>标记为重大案事件</source>
        <translation>Mark as major incident</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="78"/>
        <source>立即标记为重大案事件（须说明理由），督导即时可见</source>
        <translation>Mark as a major incident at once (reason required); supervisors see it immediately</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="80"/>
        <source>申请取消标记</source>
        <translation>Request flag removal</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="81"/>
        <source>取消重大案事件标记须经督导审批</source>
        <translation>Removing the major-incident flag requires supervisor approval</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="107"/>
        <location filename="../../ui/cases/case_header.py" line="133"/>
        <source>状态：{label}</source>
        <translation>Status: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="140"/>
        <source>已有待审批的“{label}”申请（{requested_by_name}），请等待督导审批。</source>
        <translation>A &quot;{label}&quot; request ({requested_by_name}) is awaiting approval; please wait for the supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="152"/>
        <source>{label}：案件转为“{label2}”</source>
        <translation>{label}: case becomes &quot;{label2}&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="154"/>
        <source>{label}（须经督导审批）</source>
        <translation>{label} (requires supervisor approval)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="156"/>
        <source>申请结案：转为“待结案审核”，送督导审批</source>
        <translation>Request closure: becomes &quot;Awaiting closure review&quot; and goes to a supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="157"/>
        <source>，须填写理由</source>
        <translation>; a reason is required</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="165"/>
        <source>确定将案件“{label}”吗？案件将转为“{label2}”。</source>
        <translation>{label} this case? It will become &quot;{label2}&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="28"/>
        <source>信访事项须出具处理意见书：请选择处理意见，写明查明的事实和理由，勾选依据条文；督导批准结案后写入意见书。</source>
        <translation>A petition needs an outcome letter: choose the outcome, write the facts found and the reasons, tick the articles it relies on; they go into the letter once a supervisor approves the closure.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="179"/>
        <location filename="../../ui/cases/case_actions.py" line="206"/>
        <location filename="../../ui/cases/closure_outcomes.py" line="57"/>
        <location filename="../../ui/cases/petition_closure.py" line="30"/>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="185"/>
        <source>提交审批</source>
        <translation>Submit for approval</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="45"/>
        <source>经调查核实查明的事实（不是来访人的陈述）</source>
        <translation>The facts found by investigation (not the petitioner&apos;s account)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="49"/>
        <source>作出该处理意见的理由</source>
        <translation>The reasons for this outcome</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="62"/>
        <source>意见书另引《信访工作条例》第三十二条；勾选的条文连同原文印在“依据”一节。</source>
        <translation>The letter always cites Art. 32 of the Petition Regulation; the ticked articles are printed with their text under “Basis”.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="64"/>
        <source>查明的事实（必填）</source>
        <translation>Facts found (required)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="65"/>
        <source>处理意见的理由（必填）</source>
        <translation>Reasons (required)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="151"/>
        <location filename="../../ui/cases/petition_closure.py" line="67"/>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="45"/>
        <source>未评价</source>
        <translation>Not evaluated</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="70"/>
        <source>信访人对办理结果的评价；信访人未表态的选“未评价”，回访时可再记录。</source>
        <translation>The petitioner&apos;s evaluation of the outcome; if the petitioner gave none, choose “Not evaluated” (it can be recorded at a follow-up visit).</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="72"/>
        <source>信访人评价</source>
        <translation>Petitioner&apos;s evaluation</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="106"/>
        <source>请填写查明的事实。</source>
        <translation>Please enter the facts found.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="108"/>
        <source>查明的事实最多 {max_length} 字。</source>
        <translation>The facts found may be at most {max_length} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="110"/>
        <source>请填写处理意见的理由。</source>
        <translation>Please enter the reasons for the outcome.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="112"/>
        <source>处理意见的理由最多 {max_length} 字。</source>
        <translation>The reasons may be at most {max_length} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="63"/>
        <source>处理意见（必选）</source>
        <translation>Opinion (required)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="71"/>
        <source>依据条文（可多选）</source>
        <translation>Articles relied on (any number)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/petition_closure.py" line="104"/>
        <source>请选择处理意见：支持、解释说明或不予支持。</source>
        <translation>Choose the opinion: support, explanation or not supported.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="189"/>
        <source>已提交督导审批：{label}</source>
        <translation>Submitted for supervisor approval: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="191"/>
        <source>已申请结案，等待督导审批</source>
        <translation>Closure requested; awaiting supervisor approval</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="193"/>
        <source>已{label}</source>
        <translation>Done: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="193"/>
        <source>已重新办理</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="201"/>
        <source>标记的理由</source>
        <translation>Reason for marking</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="202"/>
        <source>标记立即生效，督导即时可见；取消标记须经督导审批。</source>
        <translation>The flag takes effect at once and supervisors see it immediately; removing it requires supervisor approval.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="202"/>
        <location filename="../../ui/cases/case_edit_form.py" line="61"/>
        <location filename="../../ui/cases/case_list.py" line="91"/>
        <location filename="../../ui/cases/case_table.py" line="27"/>
        <source>标记</source>
        <translation>Mark</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="203"/>
        <source>已标记为重大案事件</source>
        <translation>Marked as a major incident</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="205"/>
        <source>申请取消重大案事件标记</source>
        <translation>Request removal of the major-incident flag</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="205"/>
        <source>取消标记的理由</source>
        <translation>Reason for removing the flag</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="206"/>
        <source>取消标记须经督导审批：批准前案件仍为重大案事件。</source>
        <translation>Removing the flag requires supervisor approval; until approved the case remains a major incident.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_actions.py" line="207"/>
        <source>已申请取消标记，等待督导审批</source>
        <translation>Flag removal requested; awaiting supervisor approval</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_clocks_chips.py" line="50"/>
        <source>{label}：已暂停（{countdown}）</source>
        <translation>{label}: paused ({countdown})</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_clocks_chips.py" line="56"/>
        <source>期限届满：{due_text}</source>
        <translation>Due: {due_text}</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_clocks_chips.py" line="58"/>
        <source>原届满日 {date} 为休息日，顺延至下一个工作日</source>
        <translation>The original due date {date} is a non-working day; moved to the next working day</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_clocks_chips.py" line="60"/>
        <source>暂停不计：{paused_days} 天</source>
        <translation>Paused (not counted): {paused_days} days</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="45"/>
        <location filename="../../ui/clocks/clock_tasks.py" line="34"/>
        <location filename="../../ui/common/case_clocks_chips.py" line="60"/>
        <source>（暂停中）</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_clocks_chips.py" line="62"/>
        <source>已延期：{extended_days} 天</source>
        <translation>Extended: {extended_days} days</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_clocks_chips.py" line="65"/>
        <source>&lt;span style=&apos;color:#9a6700&apos;&gt;暂定：{years} 年按《全国年节及纪念日放假办法》推算，国务院放假通知发布后由管理员确认，届满日可能变化。&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#9a6700&apos;&gt;Provisional: {years} is computed from the national holiday regulation; an administrator confirms it once the State Council&apos;s notice is out, and the due date may change.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_clocks_chips.py" line="67"/>
        <source>相关年份</source>
        <translation>the years concerned</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_clocks_chips.py" line="68"/>
        <source>&lt;span style=&apos;color:#9a6700&apos;&gt;日历未知：{years} 年的节假日尚未录入，届满日可能变化。请管理员在设置中补录工作日历。&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#9a6700&apos;&gt;Calendar unknown: holidays for {years} are not entered yet, so due dates may change. Ask the administrator to add the work calendar in settings.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_clocks_chips.py" line="69"/>
        <source>依据：{basis}</source>
        <translation>Basis: {basis}</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_clocks_chips.py" line="99"/>
        <source>无计时中的时限</source>
        <translation>No running time limits</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="31"/>
        <location filename="../../ui/documents/batch_print.py" line="63"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="31"/>
        <source>届满</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="31"/>
        <location filename="../../ui/clocks/clock_tasks.py" line="43"/>
        <source>倒计时</source>
        <translation>Countdown</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="31"/>
        <source>暂停 / 延期</source>
        <translation>Paused / extended</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="36"/>
        <source>已停止（按时）</source>
        <translation>Stopped (on time)</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="36"/>
        <source>已停止（超期）</source>
        <translation>Stopped (overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="38"/>
        <source>暂停中</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="45"/>
        <source>暂停 {paused_days} 天</source>
        <translation>Paused {paused_days} days</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="47"/>
        <source>已延期 {extended_days} 天</source>
        <translation>Extended {extended_days} days</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="49"/>
        <source>届满日由他方确定</source>
        <translation>Deadline fixed by another body</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="64"/>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="169"/>
        <source>暂停计时</source>
        <translation>Pause clock</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="66"/>
        <source>恢复计时</source>
        <translation>Resume clock</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="68"/>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="70"/>
        <source>登记强制报告…</source>
        <translation>Record mandatory report…</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="71"/>
        <source>向公安机关报案后，在此登记报告情况；登记后该时限停止</source>
        <translation>After reporting to the police, record the report here; recording it stops this clock</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="73"/>
        <source>听证、鉴定等时间不计入期限时，可暂停计时；恢复后暂停的天数顺延。将鼠标停在时限上可查看法律依据。</source>
        <translation>Pause the clock when time for hearings, expert assessments, etc. does not count; the paused days are added when it resumes. Hover over a time limit to see its legal basis.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="95"/>
        <source>{stopped_at} 停止</source>
        <translation>Stopped {stopped_at}</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="151"/>
        <source>请先选择一个时限。</source>
        <translation>Please select a time limit first.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="154"/>
        <source>该时限已停止计时。</source>
        <translation>This time limit has stopped.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="156"/>
        <source>已申请延期（{requested_by_name}），等待督导审批。</source>
        <translation>Extension requested ({requested_by_name}); awaiting supervisor approval.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="158"/>
        <source>“{label}”的期限依规定不能延长。</source>
        <translation>The &quot;{label}&quot; time limit cannot be extended under the rules.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="160"/>
        <source>“{label}”只能延长一次，已延长 {extended_days} 天。</source>
        <translation>&quot;{label}&quot; can be extended only once and has been extended by {extended_days} days.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="161"/>
        <source>申请延期（最多 {max_extension_days} 日，须督导批准）</source>
        <translation>Request extension (at most {max_extension_days} days, supervisor approval needed)</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="168"/>
        <source>暂停计时：{label}</source>
        <translation>Pause clock: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="168"/>
        <source>暂停的理由（如听证、鉴定）</source>
        <translation>Reason for pausing (e.g. hearing, expert assessment)</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="169"/>
        <source>暂停期间不计入期限；恢复计时后，暂停的天数顺延。</source>
        <translation>Paused time does not count; when the clock resumes the paused days are added.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="172"/>
        <source>已暂停计时：{label}</source>
        <translation>Clock paused: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="178"/>
        <source>已恢复计时：{label}</source>
        <translation>Clock resumed: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="185"/>
        <source>申请延期：{label}</source>
        <translation>Request extension: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="185"/>
        <source>延期的理由（将告知当事人）</source>
        <translation>Reason for extension (the parties will be told)</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="186"/>
        <source>延期须经督导审批，只能延长一次，最多 {most} 日。当前届满：{due_text}。</source>
        <translation>An extension requires supervisor approval and is allowed only once, for at most {most} days. Currently due: {due_text}.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="192"/>
        <source>延长天数</source>
        <translation>Extra days</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="195"/>
        <source>已申请延期 {value} 天，等待督导审批</source>
        <translation>Extension of {value} days requested; awaiting supervisor approval</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="201"/>
        <source>未成年人或无民事行为能力、限制民事行为能力的成年人</source>
        <translation>a minor or an adult without or with limited civil capacity</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/case_clocks_panel.py" line="203"/>
        <source>已登记强制报告</source>
        <translation>Mandatory report recorded</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="68"/>
        <source>搜索：案号、姓名、拼音首字母、身份证号或电话（回车）</source>
        <translation>Search: case no., name, pinyin initials, ID number or phone (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_edit_form.py" line="16"/>
        <location filename="../../ui/cases/case_header.py" line="43"/>
        <location filename="../../ui/cases/case_list.py" line="77"/>
        <location filename="../../ui/domain_labels.py" line="292"/>
        <location filename="../../ui/mediation/mediation_agreement_dialog.py" line="118"/>
        <source>家庭暴力</source>
        <translation>Domestic violence</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_edit_form.py" line="16"/>
        <location filename="../../ui/cases/case_header.py" line="45"/>
        <location filename="../../ui/cases/case_list.py" line="77"/>
        <source>涉及未成年人</source>
        <translation>Involves minors</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="83"/>
        <source>清除条件</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="94"/>
        <location filename="../../ui/statistics/dashboard.py" line="148"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="190"/>
        <source>搜索时不使用筛选条件；清空搜索框后恢复。</source>
        <translation>Filters are not used while searching; they apply again once the search box is cleared.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="206"/>
        <source>搜索“{text}”：</source>
        <translation>Search “{text}”: </translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="209"/>
        <source>显示最新的 {count} 件——匹配的案件更多，请输入更具体的词，或清空搜索框后用筛选条件。</source>
        <translation>showing the newest {count} cases — more cases match; type more specific words, or clear the search box and use the filters.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="216"/>
        <source>——没有找到。可按案号、当事人姓名、拼音首字母、身份证号或电话查找。</source>
        <translation> — nothing found. You can search by case no., party name, pinyin initials, ID number or phone.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="217"/>
        <source>没有找到。可按案号、当事人姓名、拼音首字母、身份证号或电话查找。</source>
        <translation>Nothing found. Search by case no., party name, pinyin initials, ID number or phone.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="219"/>
        <source>——没有符合条件的案件，可点“清除条件”。</source>
        <translation> — no cases match the filters; you can click “Clear filters”.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="220"/>
        <source>没有符合条件的案件。点“清除条件”可看全部案件。</source>
        <translation>No case matches. Click “Clear filters” to see all cases.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="222"/>
        <source>——您目前没有承办的案件。</source>
        <translation> — you are not handling any cases at present.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="223"/>
        <source>这里列出您承办的案件。目前还没有：受理来访（工具栏“新建来访”，Ctrl+N）、在“转介收件箱”接收转介，或由督导分派后，案件会列在这里。</source>
        <translation>Your cases are listed here. There are none yet: accept a visit (toolbar “New visit”, Ctrl+N), accept a referral in the referral inbox, or get one assigned by a supervisor, and it shows here.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="226"/>
        <source>这里列出本单位及下级单位的案件。目前还没有：来访登记受理后，案件会列在这里。</source>
        <translation>The cases of this unit and the units below are listed here. There are none yet: a visit accepted at intake shows here.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="228"/>
        <source>共 {count} 件</source>
        <translation>{count} cases</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="237"/>
        <source>最新的 {count} 件已显示，正在统计全部…</source>
        <translation>Newest {count} cases shown; counting all…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_edit_form.py" line="18"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_edit_form.py" line="59"/>
        <source>类别 / 子类</source>
        <translation>Type / subtype</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_edit_form.py" line="60"/>
        <location filename="../../ui/error_messages_part1.py" line="308"/>
        <source>简要案情</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="133"/>
        <source>层级：{label}</source>
        <translation>Level: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="133"/>
        <source>承办单位：{unit_name}</source>
        <translation>Handling unit: {unit_name}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="134"/>
        <source>承办人：{handler_name}</source>
        <translation>Handled by: {handler_name}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="134"/>
        <source>未指定</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="134"/>
        <source>登记时间：{opened_at}</source>
        <translation>Registered: {opened_at}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="136"/>
        <source>结案时间：{closed_at}</source>
        <translation>Closed: {closed_at}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="138"/>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="139"/>
        <source>类别：{category}</source>
        <translation>Type: {category}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="141"/>
        <source>纠纷类型：{dispute_type}</source>
        <translation>Dispute type: {dispute_type}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="143"/>
        <source>来源：{label}</source>
        <translation>Source: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="145"/>
        <source>简要案情：{summary}</source>
        <translation>Summary: {summary}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="145"/>
        <source>简要案情：（未填写）</source>
        <translation>Summary: (not filled in)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="147"/>
        <source>信访处理意见：{label}</source>
        <translation>Petition opinion: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="149"/>
        <source>&#x3000;事实和依据：{basis}</source>
        <translation>&#x3000;Facts and basis: {basis}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_header.py" line="151"/>
        <source>&#x3000;信访人评价：{evaluation}</source>
        <translation>&#x3000;Petitioner&apos;s evaluation: {evaluation}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_history.py" line="24"/>
        <source>已修改（个人信息内容不记入历史）</source>
        <translation>Changed (personal data is not kept in the history)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_history.py" line="25"/>
        <source>由“{old}”改为“{new}”</source>
        <translation>Changed from &quot;{old}&quot; to &quot;{new}&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_history.py" line="38"/>
        <source>显示查看记录</source>
        <translation>Show views</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/audit_log.py" line="30"/>
        <location filename="../../ui/cases/case_history.py" line="51"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/audit_log.py" line="31"/>
        <location filename="../../ui/cases/case_history.py" line="51"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_history.py" line="51"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_history.py" line="91"/>
        <location filename="../../ui/crisis/crisis_actions.py" line="72"/>
        <source>共 {n} 条</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_timeline.py" line="16"/>
        <source>经办人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_timeline.py" line="16"/>
        <source>事项</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_timeline.py" line="33"/>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict_bar.py" line="22"/>
        <source>重新加载</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict_bar.py" line="25"/>
        <source>恢复我的输入</source>
        <translation>Restore my input</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict_bar.py" line="36"/>
        <source>该记录</source>
        <translation>This record</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict_bar.py" line="37"/>
        <source>{what}已被其他用户修改，您的输入仍在下方，尚未保存。可点“重新加载”查看最新版本，再把您的修改重新应用后保存。</source>
        <translation>{what} was changed by another user; your input is still below, not yet saved. Click &quot;Reload&quot; to see the latest version, then apply your changes again and save.</translation>
    </message>
    <message>
        <location filename="../../ui/common/conflict_bar.py" line="43"/>
        <source>已载入最新版本（第 {version} 版）。您刚才的修改已暂存：点“恢复我的输入”把它们应用到最新版本上，核对后再保存。</source>
        <translation>Latest version loaded (version {version}). Your changes are kept aside: click &quot;Restore my input&quot; to apply them to the latest version, check, then save.</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_dialog.py" line="17"/>
        <source>添加心理疏导记录</source>
        <translation>Add counselling record</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_dialog.py" line="17"/>
        <source>疏导记录</source>
        <translation>Counselling record</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_dialog.py" line="18"/>
        <source>疏导记录只有心理疏导员和督导可以查看，不进入时间线，也不打印在一般案件卷宗中。</source>
        <translation>Counselling records are visible only to counsellors and supervisors; they are not in the timeline and are not printed in the general case file.</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_dialog.py" line="19"/>
        <source>当事人的情绪状态、主要困扰、疏导要点、评估与下一步计划</source>
        <translation>The party&apos;s emotional state, main difficulties, key points of the session, assessment and next steps</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_dialog.py" line="25"/>
        <source>预约下次疏导</source>
        <translation>Book next session</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_dialog.py" line="32"/>
        <location filename="../../ui/counselling/counselling_tab.py" line="33"/>
        <source>疏导时间</source>
        <translation>Session time</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_dialog.py" line="46"/>
        <source>疏导时间不能晚于现在；预约请填在“下次预约”。</source>
        <translation>The session time cannot be later than now; put appointments under &quot;Next appointment&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_dialog.py" line="48"/>
        <location filename="../../ui/error_messages_part1.py" line="261"/>
        <source>下次预约时间须晚于本次疏导时间。</source>
        <translation>The next appointment must be after this session.</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_tab.py" line="33"/>
        <source>疏导员</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_tab.py" line="48"/>
        <source>添加记录(&amp;A)…</source>
        <translation>Add record (&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_tab.py" line="57"/>
        <source>疏导记录仅心理疏导员和督导可见；每次查看都记入审计日志，记录不打印在一般案件卷宗中。</source>
        <translation>Counselling records are visible only to counsellors and supervisors; every view is audited, and records are not printed in the general case file.</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_tab.py" line="64"/>
        <source>选择一次疏导查看记录</source>
        <translation>Select a session to see its record</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_tab.py" line="95"/>
        <source>共 {n} 次疏导</source>
        <translation>{n} sessions</translation>
    </message>
    <message>
        <location filename="../../ui/counselling/counselling_tab.py" line="123"/>
        <source>已添加心理疏导记录</source>
        <translation>Counselling record added</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_actions.py" line="24"/>
        <source>行动</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_actions.py" line="29"/>
        <source>（保密内容，您的角色无权查看）</source>
        <translation>(confidential; your role may not view it)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_actions.py" line="40"/>
        <source>记录行动(&amp;A)…</source>
        <translation>Record action (&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_actions.py" line="53"/>
        <source>行动记录只增不改。保护令的各个环节由“保护令”登记后自动记入。</source>
        <translation>Action records can only be added, not changed. Each protection order step is recorded automatically once entered under &quot;Protection orders&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_actions.py" line="77"/>
        <source>您的角色不能登记，或案件已办结。</source>
        <translation>Your role cannot record this, or the case is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_actions.py" line="87"/>
        <source>已记录行动：{kind}</source>
        <translation>Action recorded: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="35"/>
        <location filename="../../ui/crisis/risk_form.py" line="219"/>
        <source>评估时间</source>
        <translation>Assessed at</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="35"/>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="35"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="35"/>
        <source>较上次</source>
        <translation>Since last</translation>
    </message>
    <message>
        <location filename="../../ui/cases/party_dialog.py" line="129"/>
        <location filename="../../ui/crisis/crisis_assessment.py" line="35"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="35"/>
        <source>评估人</source>
        <translation>Assessed by</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="42"/>
        <source>{computed}→{final}</source>
        <translation>{computed}→{final}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="45"/>
        <location filename="../../ui/crisis/risk_form.py" line="258"/>
        <source>红色警示：{flags}</source>
        <translation>Red flags: {flags}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="47"/>
        <location filename="../../ui/crisis/crisis_assessment.py" line="162"/>
        <source>专业判断：{reason}</source>
        <translation>Professional judgement: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="73"/>
        <source>评估记录与趋势</source>
        <translation>Assessments and trend</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="131"/>
        <source>尚无评估。填写左侧评估表后点“保存评估”。</source>
        <translation>No assessments yet. Fill in the form on the left and click &quot;Save assessment&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="85"/>
        <source>备份提醒：</source>
        <translation>Backup reminder: </translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="93"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="98"/>
        <source>立即备份(&amp;B)…</source>
        <translation>&amp;Back up now…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="100"/>
        <source>退出程序时自动备份到数据文件夹（保留最近 5 份）</source>
        <translation>Back up to the data folder when the program exits (keep the latest 5)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="116"/>
        <source>此数据存储没有本机数据文件夹，无法备份。</source>
        <translation>This data store has no local data folder and cannot be backed up.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="118"/>
        <location filename="../../ui/crisis/crisis_assessment.py" line="135"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="119"/>
        <source>上次经过校验的备份：{when}</source>
        <translation>Last verified backup: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="125"/>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="126"/>
        <source>幸福号备份 (*.fbk)</source>
        <translation>Xingfuhao backup (*.fbk)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="136"/>
        <source>已备份到 {file}（{cases} 件案件），并已校验。</source>
        <translation>Backed up to {file} ({cases} cases) and verified.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="138"/>
        <source>备份完成</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/backup_box.py" line="138"/>
        <source>备份已写出，但校验未通过，请重新备份。</source>
        <translation>The backup was written but did not pass verification. Please back up again.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="136"/>
        <source>该次评估回答“是”的项目：{items}</source>
        <translation>Items answered &quot;yes&quot; in this assessment: {items}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="163"/>
        <source>⚠ 危险评估为“高”：本案已标记为重大案事件，并置于督导审核队列首位。</source>
        <translation>⚠ Risk assessed as &quot;High&quot;: the case is marked as a major incident and placed at the top of the supervisor&apos;s review queue.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="164"/>
        <source>⚠ 最近一次危险评估为“高”（{at}）：本案为重大案事件，在督导审核队列首位。</source>
        <translation>⚠ The latest risk assessment was &quot;High&quot; ({at}): this is a major incident, at the top of the supervisor&apos;s review queue.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="168"/>
        <source>依据：{why}。</source>
        <translation>Basis: {why}.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_assessment.py" line="169"/>
        <source>请立即制定或核对安全计划，必要时报警、申请人身安全保护令或安排临时庇护。</source>
        <translation>Draw up or check the safety plan at once; if needed call the police, apply for a personal safety protection order or arrange temporary shelter.</translation>
    </message>
    <message>
        <location filename="../../ui/common/crisis_common.py" line="57"/>
        <location filename="../../ui/domain_labels.py" line="209"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="278"/>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="35"/>
        <source>申请</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="35"/>
        <source>裁定</source>
        <translation>Ruling</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="35"/>
        <source>作出</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="35"/>
        <source>送达</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="36"/>
        <source>变更</source>
        <translation>Variation</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="36"/>
        <source>延长</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="36"/>
        <location filename="../../ui/crisis/crisis_orders.py" line="40"/>
        <source>违反</source>
        <translation>Breach</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="40"/>
        <source>受理时间</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="40"/>
        <source>有效期</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="45"/>
        <source>保护令有效期按作出之日起六个月计算，到期日遇节假日、周末不顺延（不适用民法典第二百零三条的顺延）：这里显示的到期日可能比按期间规则顺延后的日子早，提醒只会提前，不会迟到。</source>
        <translation>A protection order is valid for six months from the day it is made; its expiry is not moved off holidays or weekends (Civil Code art. 203 is not applied): the expiry shown may be earlier than the day the period rules would give, so reminders come early, never late.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="53"/>
        <source>裁定期限：{countdown}</source>
        <translation>Ruling deadline: {countdown}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="56"/>
        <location filename="../../ui/crisis/crisis_orders.py" line="208"/>
        <source>已失效</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="57"/>
        <source>到期：{text}</source>
        <translation>Expires: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="65"/>
        <source>（紧急）</source>
        <translation> (urgent)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="71"/>
        <source>受害人同意</source>
        <translation>Victim consents</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="71"/>
        <source>受害人无法表示同意（已记录原因）</source>
        <translation>Victim cannot consent (reason recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="73"/>
        <source>，由{who}代为申请</source>
        <translation>, applied for by {who}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="83"/>
        <source>准予</source>
        <translation>Granted</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="85"/>
        <source>有效期至 {day}</source>
        <translation>Valid until {day}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="92"/>
        <source>经过</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="108"/>
        <source>申请保护令(&amp;P)…</source>
        <translation>Apply for protection order (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="109"/>
        <source>登记裁定…</source>
        <translation>Record ruling…</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="110"/>
        <source>登记作出…</source>
        <translation>Record issue…</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="110"/>
        <source>登记送达…</source>
        <translation>Record service…</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="111"/>
        <source>变更…</source>
        <translation>Variation…</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="111"/>
        <source>延长…</source>
        <translation>Extension…</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="112"/>
        <source>违反…</source>
        <translation>Breach…</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="189"/>
        <source>保护令即将到期：{text}。如仍需保护，请协助当事人在失效前向法院申请延长。</source>
        <translation>The protection order expires soon: {text}. If protection is still needed, help the party apply to the court for an extension before it lapses.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="192"/>
        <source>本案尚无人身安全保护令。</source>
        <translation>This case has no personal safety protection order.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="201"/>
        <source>{label}：已于 {at} 裁定（{met}）</source>
        <translation>{label}: ruled on {at} ({met})</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="46"/>
        <source>复查申请</source>
        <translation>Review appl.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="47"/>
        <source>复核申请</source>
        <translation>Re-review appl.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="49"/>
        <source>保护令作出</source>
        <translation>Order issued</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="50"/>
        <source>法援审查</source>
        <translation>Legal aid review</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="51"/>
        <source>调解办结</source>
        <translation>Mediation done</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="53"/>
        <source>民政庇护</source>
        <translation>Civil affairs/shelter</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="54"/>
        <source>卫健医疗</source>
        <translation>Health/medical</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="55"/>
        <source>心理咨询</source>
        <translation>Counselling</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="121"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="121"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="122"/>
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="122"/>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="123"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="134"/>
        <source>导出统计报表…</source>
        <translation>Export Statistics Report…</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="135"/>
        <source>按所选单位和时段导出统计报表（PDF 或 Excel），用于向上报送</source>
        <translation>Export the statistics report for the chosen unit and period (PDF or Excel) for reporting upward</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="137"/>
        <location filename="../../ui/statistics/dashboard.py" line="245"/>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="147"/>
        <source>时段</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="164"/>
        <source>按月登记案件</source>
        <translation>Cases registered by month</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="165"/>
        <source>按类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="166"/>
        <source>按层级</source>
        <translation>By tier</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="167"/>
        <source>法定时限：按时与超期</source>
        <translation>Statutory deadlines: met and missed</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="168"/>
        <source>当前风险等级</source>
        <translation>Current risk level</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="169"/>
        <source>部门转介：件数与答复时间（中位数）</source>
        <translation>Agency referrals: count and response time (median)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="182"/>
        <source>点击图中的柱或扇区、或信访指标的数字，在下方查看对应的案件；双击案件打开。</source>
        <translation>Click a bar or slice, or a petition KPI count, to list its cases below; double-click a case to open it.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="274"/>
        <source>去年同期按时</source>
        <translation>Last year: met</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="275"/>
        <source>去年同期超期</source>
        <translation>Last year: missed</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="251"/>
        <source>{unit}：{start} 至 {end} 登记 {count} 件</source>
        <translation>{unit}: {count} cases registered {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="255"/>
        <source>去年同期（{start} 至 {end}）{count} 件</source>
        <translation>Same period last year ({start} to {end}): {count} cases</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="257"/>
        <source>（{change:+.1f}%）</source>
        <translation> ({change:+.1f}%)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="259"/>
        <source>本期</source>
        <translation>This period</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="259"/>
        <location filename="../../ui/statistics/dashboard.py" line="283"/>
        <source>去年同期</source>
        <translation>Same period last year</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="263"/>
        <location filename="../../ui/statistics/dashboard.py" line="269"/>
        <location filename="../../ui/statistics/dashboard.py" line="276"/>
        <location filename="../../ui/statistics/dashboard.py" line="284"/>
        <source>件</source>
        <translation>cases</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="265"/>
        <source>按月登记案件（{first} 至 {last}，横轴为月份）</source>
        <translation>Cases registered by month ({first} to {last}; months along the axis)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="202"/>
        <location filename="../../ui/statistics/dashboard.py" line="273"/>
        <source>按时</source>
        <translation>on time</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="202"/>
        <location filename="../../ui/statistics/dashboard.py" line="273"/>
        <source>超期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="282"/>
        <source>转介件数</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="286"/>
        <source>答复天数（中位）</source>
        <translation>Days to answer (median)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="287"/>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="295"/>
        <source>{figure}（{start} 至 {end}）</source>
        <translation>{figure} ({start} to {end})</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="298"/>
        <source>案件：</source>
        <translation>Cases: </translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="298"/>
        <source>（双击打开）</source>
        <translation> (double-click to open)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="312"/>
        <source>导出统计报表</source>
        <translation>Export Statistics Report</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="312"/>
        <source>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</source>
        <translation>PDF files (*.pdf);;Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="31"/>
        <source>调解案件数（本期登记）</source>
        <translation>Mediation cases (registered in the period)</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="32"/>
        <source>调解结案数</source>
        <translation>Mediation cases closed</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="33"/>
        <source>其中调解成功</source>
        <translation>of which successful</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="34"/>
        <source>调解成功率</source>
        <translation>Mediation success rate</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="35"/>
        <source>信访总件次</source>
        <translation>Petitions (matters)</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="36"/>
        <source>信访总人次</source>
        <translation>Petitions (persons)</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="38"/>
        <source>婚姻家庭咨询</source>
        <translation>Marriage and family consultations</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="39"/>
        <source>受理婚姻家庭纠纷</source>
        <translation>Marriage and family disputes accepted</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="40"/>
        <source>危机干预案件</source>
        <translation>Crisis intervention cases</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="41"/>
        <source>家庭暴力案件</source>
        <translation>Domestic violence cases</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="42"/>
        <source>排查户数</source>
        <translation>Households screened</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="43"/>
        <source>风险户合计</source>
        <translation>Risk households in total</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="47"/>
        <source>草稿（未提交）</source>
        <translation>Draft (not submitted)</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="47"/>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="48"/>
        <source>已通过</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="49"/>
        <source>逾期未报</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="49"/>
        <source>未报</source>
        <translation>Not yet submitted</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="58"/>
        <source>{year}年{month}月</source>
        <translation>{month}/{year}</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="126"/>
        <source>报表月份</source>
        <translation>Report month</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="130"/>
        <source>本单位月度报表</source>
        <translation>This unit&apos;s monthly report</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="133"/>
        <location filename="../../ui/reporting/reporting_page.py" line="153"/>
        <location filename="../../ui/reporting/reporting_page.py" line="179"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="133"/>
        <source>本单位</source>
        <translation>This unit</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="134"/>
        <location filename="../../ui/reporting/reporting_page.py" line="241"/>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="135"/>
        <source>提交后数字冻结，并以本站密钥签名，随同步包报送上一级审核</source>
        <translation>Once submitted, the figures are frozen, signed with this station&apos;s key and sent up for review with the sync bundles</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="140"/>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="141"/>
        <source>把本单位该月报表（已提交的为冻结的数字）导出为 PDF</source>
        <translation>Export this unit&apos;s report for the month as a PDF (the frozen figures once submitted)</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="149"/>
        <source>下级单位报送情况</source>
        <translation>Reports of the units below</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="150"/>
        <source>提交时间</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="150"/>
        <source>报送次数</source>
        <translation>Submission</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="151"/>
        <source>退回原因</source>
        <translation>Reason returned</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="153"/>
        <source>所报数字</source>
        <translation>Reported figure</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="155"/>
        <source>退回原因（必填）：写明要更正什么</source>
        <translation>Reason for returning (required): what should be corrected</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="156"/>
        <source>通过</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="161"/>
        <source>导出所选报表…</source>
        <translation>Export selected report…</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="177"/>
        <source>汇总（已通过的报表合计，与实时数对比）</source>
        <translation>Consolidated (sum of the accepted reports, against the live figures)</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="179"/>
        <source>上报合计</source>
        <translation>Reported total</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="179"/>
        <source>实时数</source>
        <translation>Live figure</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="179"/>
        <source>差异</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="210"/>
        <source>报送截止：{due}（中国时间）</source>
        <translation>Due: {due} (China time)</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="226"/>
        <source>{unit}{month}报表：&lt;b style=&apos;color:{colour}&apos;&gt;{status}&lt;/b&gt;</source>
        <translation>{unit}, report for {month}: &lt;b style=&apos;color:{colour}&apos;&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="229"/>
        <source>（第{n}次报送，{who}于{when}提交）</source>
        <translation> (submission {n}, submitted by {who} at {when})</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="232"/>
        <source>退回原因：{reason}（{who}）。请更正数据后重新提交。</source>
        <translation>Returned: {reason} ({who}). Correct the data and submit again.</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="235"/>
        <source>已由{who}审核通过。</source>
        <translation>Accepted by {who}.</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="237"/>
        <source>下表为本单位本月工作的实时数字；提交后冻结。</source>
        <translation>The table shows the live figures of this unit&apos;s work in the month; they are frozen when submitted.</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="239"/>
        <source>报表数字与本站签名不符，可能被改动过。</source>
        <translation>The report&apos;s figures do not match this station&apos;s signature; they may have been changed.</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="241"/>
        <source>重新提交</source>
        <translation>Submit again</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="269"/>
        <source>已汇总 {n} 个单位的已通过报表。</source>
        <translation>Consolidated the accepted reports of {n} unit(s). </translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="271"/>
        <source>尚未通过：{names}。</source>
        <translation>Not yet accepted: {names}. </translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="273"/>
        <source>有 {n} 项与实时数不符（报表通过后数据又有变动）。</source>
        <translation>{n} line(s) differ from the live figures (the data changed after the reports were accepted).</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="322"/>
        <source>提交报表</source>
        <translation>Submit report</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="322"/>
        <source>提交{month}报表？提交后数字冻结并签名，随同步包报送上一级审核；如被退回，可更正后重新提交。</source>
        <translation>Submit the report for {month}? The figures are frozen and signed, and go up for review with the sync bundles; if it is returned, you can correct it and submit again.</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="348"/>
        <source>{period}-月度统计报表.pdf</source>
        <translation>{period}-monthly-report.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="349"/>
        <source>导出报表</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="357"/>
        <location filename="../../ui/statistics/dashboard.py" line="322"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="357"/>
        <source>报表已保存到 {path}</source>
        <translation>The report was saved to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="374"/>
        <source>本单位{month}报表已逾期未报（截止{due}）</source>
        <translation>this unit&apos;s report for {month} is overdue (due {due})</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="376"/>
        <source>本单位{month}报表尚未提交（截止{due}）</source>
        <translation>this unit&apos;s report for {month} is not submitted yet (due {due})</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="378"/>
        <source>本单位{month}报表被退回：{reason}，请更正后重新提交</source>
        <translation>this unit&apos;s report for {month} was returned: {reason}; correct it and submit again</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="381"/>
        <source>{n} 个下级单位的{month}报表待审核</source>
        <translation>{n} report(s) for {month} from the units below await review</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="383"/>
        <source>{n} 个单位逾期未报（{names}）</source>
        <translation>{n} unit(s) overdue ({names})</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="384"/>
        <source>上报提醒：</source>
        <translation>Reports: </translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="384"/>
        <source>。请到“上报”页办理。</source>
        <translation>. See the Reports page.</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="388"/>
        <source>{month}月{day}日</source>
        <translation>{month}/{day}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard.py" line="322"/>
        <source>统计报表已保存到 {path}</source>
        <translation>The statistics report was saved to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="207"/>
        <source>{label}：{text}</source>
        <translation>{label}: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="226"/>
        <source>已有一份申请待法院裁定。</source>
        <translation>An application is already awaiting the court&apos;s ruling.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="239"/>
        <source>已登记保护令申请，裁定计时开始</source>
        <translation>Protection order application recorded; the ruling clock has started</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="251"/>
        <source>已登记法院裁定</source>
        <translation>Court ruling recorded</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="254"/>
        <source>已登记保护令作出，到期计时开始</source>
        <translation>Protection order issue recorded; the expiry clock has started</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="258"/>
        <source>已登记送达</source>
        <translation>Service recorded</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="261"/>
        <source>已登记保护令变更</source>
        <translation>Protection order variation recorded</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="264"/>
        <source>已登记保护令延长</source>
        <translation>Protection order extension recorded</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_orders.py" line="267"/>
        <source>已登记违反保护令，本案已标记为重大案事件</source>
        <translation>Protection order breach recorded; the case is now marked as a major incident</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="59"/>
        <source>放弃我的修改，载入最新版本</source>
        <translation>Discard my changes and load the latest version</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="61"/>
        <source>用我的内容保存为新版本</source>
        <translation>Save my content as a new version</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="75"/>
        <source>（每行一项）</source>
        <translation>(one item per line)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="100"/>
        <source>保存安全计划(&amp;S)</source>
        <translation>Save safety plan (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="105"/>
        <source>复核日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="123"/>
        <source>常用项</source>
        <translation>Common items</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="152"/>
        <source>您的角色无权查看安全计划：其中有安全联系人、去向等保密信息。</source>
        <translation>Your role may not view the safety plan: it holds confidential information such as safe contacts and whereabouts.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="180"/>
        <source>尚未制定安全计划。与当事人逐项商量后填写，至少填写一栏即可保存。</source>
        <translation>No safety plan yet. Go through it item by item with the party; any one section is enough to save.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="182"/>
        <source>第 {version} 版，{who}保存于 {at}</source>
        <translation>Version {version}, saved by {who} at {at}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="185"/>
        <source>（之前的 {n} 个版本已留存）</source>
        <translation> ({n} earlier versions kept)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="188"/>
        <source>尚未填写：{sections}</source>
        <translation>Not yet filled in: {sections}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="211"/>
        <source>无权修改或案件已办结。</source>
        <translation>Not permitted to edit, or the case is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="212"/>
        <source>请至少填写一栏。</source>
        <translation>Please fill in at least one section.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="212"/>
        <source>没有需要保存的修改。</source>
        <translation>There are no changes to save.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_plan.py" line="246"/>
        <source>保存冲突：安全计划已被{who}修改（现为第 {version} 版）。您的输入仍在下方，尚未保存。可以载入最新版本，或核对后用您的内容保存为新版本。</source>
        <translation>Save conflict: the safety plan was changed by {who} (now version {version}). Your input is still below, not yet saved. Load the latest version, or check and save your content as a new version.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_tab.py" line="54"/>
        <source>当前危险等级：</source>
        <translation>Current risk level:</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_tab.py" line="61"/>
        <source>已保存危险评估：{level}风险</source>
        <translation>Risk assessment saved: {level} risk</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_tab.py" line="64"/>
        <source>已保存安全计划（第 {version} 版）</source>
        <translation>Safety plan saved (version {version})</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_tab.py" line="70"/>
        <source>安全计划</source>
        <translation>Safety plan</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_tab.py" line="71"/>
        <source>行动记录</source>
        <translation>Action log</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_add_dialog.py" line="23"/>
        <location filename="../../ui/crisis/crisis_tab.py" line="72"/>
        <source>保护令</source>
        <translation>Protection orders</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_tab.py" line="98"/>
        <source>最近评估 {at}，共 {n} 次</source>
        <translation>Last assessed {at}, {n} in total</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_tab.py" line="104"/>
        <source>保护令有效至 {day}</source>
        <translation>Protection order valid until {day}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/crisis_tab.py" line="106"/>
        <source>案件已办结，只能查看</source>
        <translation>Case closed; read only</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="22"/>
        <source>输入身份证号、手机号，或姓名和出生日期后，这里会列出已登记的同一人及其案件。</source>
        <translation>Enter an ID number, a phone number, or a name and date of birth, and people already registered with their cases are listed here.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="64"/>
        <source>身份证号 {id_number}</source>
        <translation>ID number {id_number}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="65"/>
        <source>电话 {phone}</source>
        <translation>Phone {phone}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="66"/>
        <source>出生 {birth_date:%Y-%m-%d}</source>
        <translation>Born {birth_date:%Y-%m-%d}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="67"/>
        <source>（未登记身份证号和电话）</source>
        <translation>(no ID number or phone registered)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="76"/>
        <source>另有 {n} 件案件</source>
        <translation>{n} more cases</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="80"/>
        <source>本辖区内没有其案件</source>
        <translation>No cases in this area</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="87"/>
        <source>✓ 已确认为同一人</source>
        <translation>✓ Confirmed as the same person</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="95"/>
        <source>是同一人(&amp;Y)</source>
        <translation>Same person (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="96"/>
        <source>把本次来访登记到这个人名下（不新建人员）。快捷键 Alt+Y</source>
        <translation>Register this visit under this person (no new person is created). Shortcut Alt+Y</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="196"/>
        <source>&lt;b&gt;查重&lt;/b&gt;</source>
        <translation>&lt;b&gt;Duplicate check&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="199"/>
        <source>&lt;b&gt;已确认为已登记人员&lt;/b&gt;：本次来访将登记在其名下。</source>
        <translation>&lt;b&gt;Confirmed as a registered person&lt;/b&gt;: this visit will be registered under them.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/duplicate_panel.py" line="202"/>
        <source>&lt;b&gt;可能已登记（{n} 人）&lt;/b&gt;：请核对是否为同一人。</source>
        <translation>&lt;b&gt;Possibly registered already ({n})&lt;/b&gt;: check whether this is the same person.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="16"/>
        <source>诉求</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="16"/>
        <source>处理决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="16"/>
        <source>接待单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="20"/>
        <source>（{age} 岁）</source>
        <translation> (age {age})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="21"/>
        <source>{people_count} 人</source>
        <translation>{people_count} people</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="21"/>
        <source>（集体访）</source>
        <translation> (group visit)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="24"/>
        <source>至{body}</source>
        <translation> to {body}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="54"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="54"/>
        <source>本站的值</source>
        <translation>Our value</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="54"/>
        <source>对方的值</source>
        <translation>Their value</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="54"/>
        <source>采用</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="63"/>
        <source>全部采用本站</source>
        <translation>Keep all ours</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="64"/>
        <source>全部采用对方</source>
        <translation>Take all theirs</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="65"/>
        <source>保存选择</source>
        <translation>Save choices</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="90"/>
        <source>&lt;p&gt;&lt;b&gt;现在没有需要处理的同步冲突。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;什么是同步冲突：同一条记录（例如一个案件的标题、紧急程度），在上次交换之后，本站和对方站点都改过，导入同步包时程序不替您决定用哪一边，而是把两边的值并排列在这里。&lt;/p&gt;&lt;p&gt;出现冲突时：左侧列出每条有冲突的记录；选中后，右侧逐项显示“本站的值”和“对方的值”、各由谁在何时修改，您为每一项选择采用哪一方，点击“保存选择”。保存后的结果会在下次交换时发给对方。&lt;/p&gt;&lt;p&gt;下一步：没有冲突时无需操作。定期在“站点同步”页点击“交换”；交换后如有冲突，会在这里出现。&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;There are no sync conflicts to resolve.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;What a sync conflict is: the same record (say a case&apos;s title or urgency) was changed both here and at the other station since the last exchange. The program does not decide for you which side wins: it lists both values side by side here.&lt;/p&gt;&lt;p&gt;When there is one: each record in conflict is listed on the left; select it and the right shows &quot;this station&apos;s value&quot; and &quot;the other station&apos;s value&quot; field by field, who changed each and when. Choose a side for each field and click &quot;Save choice&quot;. The result goes to the other station at the next exchange.&lt;/p&gt;&lt;p&gt;Next: nothing to do while there are no conflicts. Exchange regularly on the Station sync page; any conflicts will appear here.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="110"/>
        <source>&lt;b&gt;同步冲突（{n}）&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sync conflicts ({n})&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="130"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="28"/>
        <location filename="../../ui/sync/sync_conflicts.py" line="132"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="28"/>
        <location filename="../../ui/sync/sync_conflicts.py" line="132"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="157"/>
        <source>请在左侧选择一个冲突：右侧会并排列出两边的值，逐项选择后点击“保存选择”。</source>
        <translation>Select a conflict on the left: both values are shown side by side; choose for each field and click &quot;Save choice&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="200"/>
        <source>已保存：{title}。下一步：在“站点同步”页点击“交换”，把结果发给对方。</source>
        <translation>Saved: {title}. Next: click &quot;Exchange&quot; on the Station sync page to send the result to the other station.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="158"/>
        <source>导入同步包时，如果同一条记录在本站和对方站点都改过，会在这里逐项列出两边的值，由您选择采用哪一方。</source>
        <translation>When an imported sync bundle changes a record that was also changed at this station, it is listed here field by field with both values, and you choose which side to keep.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="111"/>
        <source>&#x3000;&lt;span style=&apos;color:#5f6368&apos;&gt;没有待处理的冲突。导入同步包时，本站和对方都改过的记录会列在这里，由您逐条核对后选择保留哪一方。&lt;/span&gt;</source>
        <translation>  &lt;span style=&apos;color:#5f6368&apos;&gt;No conflicts to resolve. When a sync bundle is imported, records changed both here and on the other side are listed here for you to check one by one and choose which to keep.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="160"/>
        <source>本站版本：{lb}，{la}&#x3000;&#x3000;对方版本（{peer}）：{rb}，{ra}</source>
        <translation>Our version: {lb}, {la}&#x3000;&#x3000;Their version ({peer}): {rb}, {ra}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="171"/>
        <source>本站</source>
        <translation>Ours</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_conflicts.py" line="172"/>
        <source>对方</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake_records.py" line="37"/>
        <source>本案没有关联的接待登记。</source>
        <translation>No intake records are linked to this case.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="38"/>
        <source>（{day}）</source>
        <translation> ({day})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="41"/>
        <source>，已逾期</source>
        <translation>, overdue</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="43"/>
        <source>不可申请司法确认</source>
        <translation>Not eligible for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="45"/>
        <source>未申请确认</source>
        <translation>Confirmation not applied for</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="45"/>
        <source>可申请</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="59"/>
        <source>一式 {n} 份</source>
        <translation>{n} copies</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="64"/>
        <source>涉及金额</source>
        <translation>Amount involved</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="64"/>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="82"/>
        <source>制作调解协议…</source>
        <translation>Draw up mediation agreement…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="84"/>
        <source>本案尚无调解协议。达成协议后，点“制作调解协议…”记录协议内容，再逐项记录签署。</source>
        <translation>This case has no mediation agreement yet. Once agreement is reached, click &quot;Draw up mediation agreement…&quot; to record its terms, then record each signature.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="99"/>
        <source>条</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="99"/>
        <location filename="../../ui/mediation/mediation_terms.py" line="42"/>
        <location filename="../../ui/mediation/mediation_terms.py" line="43"/>
        <location filename="../../ui/mediation/mediation_terms.py" line="59"/>
        <source>履行人</source>
        <translation>Obligor</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="99"/>
        <location filename="../../ui/mediation/mediation_terms.py" line="46"/>
        <location filename="../../ui/mediation/mediation_terms.py" line="61"/>
        <source>履行事项</source>
        <translation>Obligation</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="99"/>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="47"/>
        <location filename="../../ui/statistics/dashboard.py" line="48"/>
        <source>司法确认</source>
        <translation>Judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="99"/>
        <location filename="../../ui/mediation/mediation_terms.py" line="48"/>
        <location filename="../../ui/mediation/mediation_terms.py" line="63"/>
        <source>履行方式</source>
        <translation>Manner</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="99"/>
        <location filename="../../ui/mediation/mediation_terms.py" line="49"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="108"/>
        <source>记录履行情况…</source>
        <translation>Record performance…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="227"/>
        <source>案件已办结或调解已终止，不能制作调解协议。</source>
        <translation>The case is closed or mediation has ended; no agreement can be drawn up.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="232"/>
        <source>协议生效后才能记录履行情况。</source>
        <translation>Performance can be recorded only once the agreement is in effect.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="232"/>
        <source>记录所选条款的履行情况（也可双击条款）</source>
        <translation>Record performance of the selected term (or double-click the term)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="233"/>
        <source>请先在表中选择一条协议内容。</source>
        <translation>Please select a term in the table first.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="248"/>
        <source>已制作调解协议</source>
        <translation>Mediation agreement drawn up</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_agreement_panel.py" line="258"/>
        <source>已记录第 {n} 条履行情况</source>
        <translation>Performance of term {n} recorded</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="38"/>
        <source>司法确认申请期限：{countdown}</source>
        <translation>Judicial confirmation deadline: {countdown}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="41"/>
        <source>申请期限已于 {day} 届满</source>
        <translation>The application deadline passed on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="42"/>
        <source>司法确认申请期限：剩 {n} 天（{day} 到期）</source>
        <translation>Judicial confirmation deadline: {n} days left (due {day})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="57"/>
        <source>申请司法确认…</source>
        <translation>Apply for judicial confirmation…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="59"/>
        <source>记录确认结果…</source>
        <translation>Record confirmation result…</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages_part1.py" line="70"/>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="77"/>
        <source>口头协议须先制作调解协议书，才能申请司法确认。</source>
        <translation>An oral agreement must first be written up as a mediation agreement before judicial confirmation can be sought.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="79"/>
        <source>协议生效后三十日内，双方当事人可共同向人民法院申请司法确认。</source>
        <translation>Within 30 days of the agreement taking effect, both parties may jointly apply to the People&apos;s Court for judicial confirmation.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="88"/>
        <source>，{court}</source>
        <translation>, {court}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="91"/>
        <source>已于 {day} 申请{court}</source>
        <translation>Applied on {day} to {court}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="93"/>
        <source>，不含第 {items} 条</source>
        <translation>, excluding term(s) {items}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="95"/>
        <source>结果：{label}（{day}）</source>
        <translation>Result: {label} ({day})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="100"/>
        <source>等待法院决定。</source>
        <translation>Awaiting the court&apos;s decision.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="104"/>
        <source>第 {items} 条涉及身份关系，不可申请司法确认（民诉法解释第三百五十五条），申请时须排除。</source>
        <translation>Term(s) {items} concern personal status and cannot be submitted for judicial confirmation (Civil Procedure Law Interpretation, art. 355); exclude them when applying.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="128"/>
        <source>记录双方当事人共同向人民法院申请司法确认</source>
        <translation>Record the parties&apos; joint application to the People&apos;s Court for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="129"/>
        <source>协议生效后三十日内才能申请；已申请的，待法院决定。</source>
        <translation>Applications are possible only within 30 days of the agreement taking effect; once applied for, await the court&apos;s decision.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="142"/>
        <source>已记录司法确认申请</source>
        <translation>Judicial confirmation application recorded</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_confirmation.py" line="153"/>
        <source>已记录司法确认结果</source>
        <translation>Judicial confirmation result recorded</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followups_panel.py" line="32"/>
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followups_panel.py" line="35"/>
        <source>添加回访…</source>
        <translation>Add follow-up…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followups_panel.py" line="54"/>
        <source>协议 {n}</source>
        <translation>Agreement {n}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followups_panel.py" line="64"/>
        <source>尚无回访记录。协议生效后应回访当事人，了解履行情况和满意度。</source>
        <translation>No follow-ups yet. Once the agreement is in effect, follow up with the parties on performance and satisfaction.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_followups_panel.py" line="82"/>
        <source>已添加回访</source>
        <translation>Follow-up added</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_rows.py" line="37"/>
        <source>上移（Alt+↑）</source>
        <translation>Move up (Alt+↑)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_rows.py" line="38"/>
        <source>下移（Alt+↓）</source>
        <translation>Move down (Alt+↓)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_rows.py" line="39"/>
        <source>删除此条（Ctrl+Delete）</source>
        <translation>Delete this term (Ctrl+Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="46"/>
        <source>本案涉及家庭暴力（危险评估：{risk}）。面对面联合调解前须对受害人做安全评估并记录她本人的意愿；背对背调解（分别进行）随时可以安排。</source>
        <translation>This case involves domestic violence (danger assessment: {risk}). Before a joint session the victim must be screened for safety and her own wishes recorded; separate sessions can be scheduled at any time.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="50"/>
        <source>最近一次评估（{when}，{who}）：{state}</source>
        <translation>Latest screening ({when}, {who}): {state}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="59"/>
        <source>不宜面对面调解（{reasons}）</source>
        <translation>not suitable for a joint session ({reasons})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="61"/>
        <source>待督导批准（{reasons}）</source>
        <translation>awaiting a supervisor&apos;s approval ({reasons})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="63"/>
        <source>督导 {name} 已批准，可安排一次联合调解</source>
        <translation>approved by supervisor {name}; one joint session may be scheduled</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="64"/>
        <source>可安排一次联合调解</source>
        <translation>one joint session may be scheduled</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="68"/>
        <source>取消：{reason}</source>
        <translation>Cancelled: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="74"/>
        <source>{when}，{place}</source>
        <translation>{when}, {place}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="83"/>
        <source>（{note}）</source>
        <translation> ({note})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="86"/>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="317"/>
        <source>取消原因</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="104"/>
        <source>安排时间</source>
        <translation>Scheduled for</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="125"/>
        <source>安排调解…</source>
        <translation>Schedule mediation…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="127"/>
        <source>记录调解…</source>
        <translation>Record mediation…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="129"/>
        <source>取消安排…</source>
        <translation>Cancel session…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="131"/>
        <source>安全评估…</source>
        <translation>Safety screening…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="133"/>
        <source>督导批准…</source>
        <translation>Supervisor approval…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="191"/>
        <source>尚未安排调解。点“安排调解…”确定时间、地点和调解员。</source>
        <translation>No mediation scheduled yet. Click &quot;Schedule mediation…&quot; to set the time, place and mediators.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="192"/>
        <source>本案没有调解安排。</source>
        <translation>No mediation sessions in this case.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="192"/>
        <source>选择一次调解查看笔录。</source>
        <translation>Select a session to see its record.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="223"/>
        <source>批准最近一次安全评估后的面对面联合调解（不能批准自己做的评估）</source>
        <translation>Approve the joint session after the latest safety screening (not your own screening)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="224"/>
        <source>没有待批准的安全评估。</source>
        <translation>No safety screening awaits approval.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="229"/>
        <source>案件已办结，不能安排或记录调解。</source>
        <translation>The case is closed; mediation cannot be scheduled or recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="231"/>
        <source>本案调解已终止；当事人重新申请的，请先“恢复调解”。</source>
        <translation>Mediation in this case has ended; if the parties apply again, first &quot;Resume mediation&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="232"/>
        <source>确定调解时间、地点、调解员和应到当事人</source>
        <translation>Set the mediation time, place, mediators and parties expected</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="233"/>
        <source>记录这次调解：到场当事人、告知事项、调解笔录和结果</source>
        <translation>Record this session: parties present, matters explained, the mediation record and the outcome</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="234"/>
        <source>请先选择一次已安排的调解。</source>
        <translation>Please select a scheduled session first.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="250"/>
        <source>本案涉及家庭暴力：面对面联合调解前须先做安全评估，现在只能安排背对背调解。</source>
        <translation>This case involves domestic violence: a safety screening must come before a joint session; for now only separate sessions can be scheduled.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="252"/>
        <source>最近一次安全评估：{state}。现在只能安排背对背调解。</source>
        <translation>Latest safety screening: {state}. For now only separate sessions can be scheduled.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="261"/>
        <source>联合调解前须做安全评估</source>
        <translation>Safety screening needed before a joint session</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="262"/>
        <source>

现在对受害人做安全评估吗？选“否”则安排背对背调解。</source>
        <translation>

Screen the victim now? Choose &quot;No&quot; to schedule separate sessions.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="272"/>
        <source>已安排调解</source>
        <translation>Mediation scheduled</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="284"/>
        <source>已记录安全评估</source>
        <translation>Safety screening recorded</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="291"/>
        <source>批准面对面联合调解</source>
        <translation>Approve joint session</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="291"/>
        <source>批准理由和安全措施</source>
        <translation>Reason for approval and safety measures</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="292"/>
        <source>受害人 {name} 同意面对面调解；须批准的原因：{reasons}。她的原话：“{words}”</source>
        <translation>The victim {name} agrees to a joint session; approval needed because: {reasons}. Her words: &quot;{words}&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="295"/>
        <source>例如：分开到场、分开离场，妇联工作人员全程陪同</source>
        <translation>e.g. arrive and leave separately, a federation worker present throughout</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="298"/>
        <source>已批准联合调解</source>
        <translation>Joint session approved</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="310"/>
        <source>已记录调解</source>
        <translation>Mediation recorded</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="317"/>
        <source>取消调解安排：{when}</source>
        <translation>Cancel mediation session: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="318"/>
        <source>取消安排</source>
        <translation>Cancel session</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="318"/>
        <source>取消后该次调解不再举行；如需改期，请另行安排。</source>
        <translation>Once cancelled the session will not take place; to reschedule, schedule a new one.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="319"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_sessions_panel.py" line="322"/>
        <source>已取消调解安排</source>
        <translation>Mediation session cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="27"/>
        <source>签署情况</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="61"/>
        <source>未签署</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="62"/>
        <source>记录签署…</source>
        <translation>Record signature…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="69"/>
        <source>调解员签名…</source>
        <translation>Mediator signature…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="71"/>
        <source>调解委员会</source>
        <translation>Mediation committee</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="71"/>
        <source>加盖印章…</source>
        <translation>Affix seal…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="73"/>
        <location filename="../../ui/mediation/mediation_signatures.py" line="86"/>
        <source>未完成</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="76"/>
        <source>已生效：{day}</source>
        <translation>In effect: {day}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="79"/>
        <source>尚未生效，还缺：{items}</source>
        <translation>Not yet in effect; still missing: {items}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="86"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="124"/>
        <source>已记录{name}签署</source>
        <translation>Signature of {name} recorded</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="130"/>
        <source>调解员签名</source>
        <translation>Mediator signature</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="130"/>
        <source>签名时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="130"/>
        <source>记录签名</source>
        <translation>Record signature</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="134"/>
        <source>已记录调解员签名</source>
        <translation>Mediator signature recorded</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="140"/>
        <source>加盖调解委员会印章</source>
        <translation>Affix mediation committee seal</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="140"/>
        <source>盖章时间</source>
        <translation>Sealed at</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="140"/>
        <source>记录盖章</source>
        <translation>Record seal</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_signatures.py" line="142"/>
        <source>已记录加盖印章</source>
        <translation>Seal recorded</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_statements.py" line="19"/>
        <source>添加发言</source>
        <translation>Add statement</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_statements.py" line="26"/>
        <source>发言人</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_statements.py" line="30"/>
        <source>陈述内容（如实记录发言要点）</source>
        <translation>Statement (record the key points faithfully)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_statements.py" line="31"/>
        <source>陈述内容</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_statements.py" line="59"/>
        <source>尚无发言：点“添加发言”记录调解员和各方当事人的陈述。</source>
        <translation>No statements yet: click &quot;Add statement&quot; to record what the mediator and each party said.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="45"/>
        <source>案件已办结：调解记录只读。如需继续调解，请先“重新办理”。</source>
        <translation>The case is closed: the mediation record is read-only. To mediate again, reopen the case first.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="47"/>
        <source>{note}（{when}）</source>
        <translation>{note} ({when})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="47"/>
        <source>调解已终止</source>
        <translation>Mediation ended</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="49"/>
        <source>调解进行中（{note}，{when}）</source>
        <translation>Mediation in progress ({note}, {when})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="50"/>
        <source>调解进行中</source>
        <translation>Mediation in progress</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="56"/>
        <source>婚姻调解结果：未记录</source>
        <translation>Marriage mediation outcome: not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="57"/>
        <source>婚姻调解结果：{label}</source>
        <translation>Marriage mediation outcome: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="59"/>
        <source>（已告知当事人可通过{routes}等途径维护权利）</source>
        <translation> (the parties were told they may protect their rights through {routes}, etc.)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="61"/>
        <source>；{note}</source>
        <translation>; {note}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="63"/>
        <source>&#x3000;{who} {when}</source>
        <translation>&#x3000;{who} {when}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="83"/>
        <source>恢复调解…</source>
        <translation>Resume mediation…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="84"/>
        <source>当事人重新申请调解时，记录理由后可再安排调解（人民调解法第十七条）</source>
        <translation>When the parties apply for mediation again, record the reason and sessions can be scheduled again (People&apos;s Mediation Law, art. 17)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="89"/>
        <source>婚姻调解结果…</source>
        <translation>Marriage mediation outcome…</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="102"/>
        <location filename="../../ui/mediation/mediation_tab.py" line="145"/>
        <source>调解安排与笔录</source>
        <translation>Sessions and records</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="103"/>
        <location filename="../../ui/mediation/mediation_tab.py" line="146"/>
        <source>调解协议与履行</source>
        <translation>Agreement and performance</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="104"/>
        <location filename="../../ui/mediation/mediation_tab.py" line="147"/>
        <source>回访</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="148"/>
        <source>{title}（{n}）</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="156"/>
        <source>调解信息未能加载：{what}</source>
        <translation>Mediation data could not be loaded: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="176"/>
        <source>记录调和、劝回、指导协议离婚、调解成功或调解不成</source>
        <translation>Record reconciliation, persuaded to return, guided divorce by agreement, success or failure</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="177"/>
        <source>案件已办结，不能修改调解结果。</source>
        <translation>The case is closed; the mediation outcome cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="191"/>
        <source>恢复调解</source>
        <translation>Resume mediation</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="191"/>
        <source>恢复调解的理由</source>
        <translation>Reason for resuming mediation</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="192"/>
        <source>当事人一方拒绝或调解不成后终止的调解，须当事人重新申请才能再调解（人民调解法第十七条）。</source>
        <translation>Mediation that ended because a party refused or it failed can resume only if the parties apply again (People&apos;s Mediation Law, art. 17).</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="194"/>
        <source>例如：双方当事人于今日重新申请调解</source>
        <translation>e.g. both parties applied again for mediation today</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="197"/>
        <source>已恢复调解</source>
        <translation>Mediation resumed</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_tab.py" line="208"/>
        <source>已记录婚姻调解结果</source>
        <translation>Marriage mediation outcome recorded</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_terms.py" line="29"/>
        <source>不可申请司法确认：{reason}</source>
        <translation>Not eligible for judicial confirmation: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_terms.py" line="35"/>
        <source>添加条款</source>
        <translation>Add term</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_terms.py" line="45"/>
        <source>履行事项，如：男方每月支付抚养费 1500 元</source>
        <translation>Obligation, e.g. the husband pays 1,500 yuan child support monthly</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_terms.py" line="47"/>
        <source>履行方式，如：每月5日前银行转账</source>
        <translation>Manner, e.g. bank transfer by the 5th of each month</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_terms.py" line="53"/>
        <source>履行期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_terms.py" line="103"/>
        <source>至少须有一条协议内容。</source>
        <translation>The agreement needs at least one term.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_terms.py" line="112"/>
        <source>请至少添加一条协议内容。</source>
        <translation>Please add at least one term.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediation_terms.py" line="115"/>
        <source>第 {n} 条协议内容须写明履行人和履行事项。</source>
        <translation>Term {n} must state the obligor and the obligation.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="91"/>
        <location filename="../../ui/cases/case_table.py" line="26"/>
        <location filename="../../ui/referral/referral_panel.py" line="35"/>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="35"/>
        <source>方向 / 部门</source>
        <translation>Direction / agency</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="35"/>
        <source>发送 → 接收</source>
        <translation>Sent → received</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="35"/>
        <location filename="../../ui/referral/referral_panel.py" line="69"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="35"/>
        <location filename="../../ui/referral/referral_panel.py" line="82"/>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="35"/>
        <source>用时</source>
        <translation>Time taken</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="48"/>
        <source>{days} 天 {hours} 小时</source>
        <translation>{days} d {hours} h</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="50"/>
        <source>{hours} 小时 {minutes} 分</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="51"/>
        <source>{minutes} 分钟</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="80"/>
        <source>（用时 {duration_text}）</source>
        <translation> (took {duration_text})</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="88"/>
        <source>&lt;p style=&apos;margin-bottom:2px&apos;&gt;&lt;b&gt;经过&lt;/b&gt;&lt;/p&gt;&lt;ul style=&apos;margin-top:0&apos;&gt;{steps}&lt;/ul&gt;</source>
        <translation>&lt;p style=&apos;margin-bottom:2px&apos;&gt;&lt;b&gt;History&lt;/b&gt;&lt;/p&gt;&lt;ul style=&apos;margin-top:0&apos;&gt;{steps}&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="120"/>
        <source>上报 / 交办…</source>
        <translation>Report up / assign down…</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="120"/>
        <source>转介给机构…</source>
        <translation>Refer to an agency…</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="121"/>
        <location filename="../../ui/referral/referral_panel.py" line="244"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="121"/>
        <source>记录回复</source>
        <translation>Record reply</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="122"/>
        <source>记录反馈</source>
        <translation>Record feedback</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="169"/>
        <source>&lt;span style=&apos;color:#666&apos;&gt;本案尚无转介。&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#666&apos;&gt;This case has no referrals.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="198"/>
        <source>已有待接收的层级转介，请等对方处理或先撤回。</source>
        <translation>A referral between levels is already awaiting acceptance; wait for the other unit or withdraw it first.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="199"/>
        <source>上报给上级单位，或交办给直属下级单位</source>
        <translation>Report to the parent unit, or assign to a direct subordinate unit</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="199"/>
        <source>案件已办结，不能转介。</source>
        <translation>The case is closed and cannot be referred.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="217"/>
        <source>已{verb}给 {name}，等待接收</source>
        <translation>{verb} to {name}: sent, awaiting acceptance</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="228"/>
        <source>已转介至{agency_name}</source>
        <translation>Referred to {agency_name}</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="244"/>
        <source>撤回转介：{where}</source>
        <translation>Withdraw referral: {where}</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="244"/>
        <source>撤回的理由</source>
        <translation>Reason for withdrawing</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="244"/>
        <source>已撤回转介</source>
        <translation>Referral withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="249"/>
        <source>记录反馈：{agency_name}</source>
        <translation>Record feedback: {agency_name}</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="249"/>
        <source>反馈内容</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="249"/>
        <source>已记录反馈</source>
        <translation>Feedback recorded</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="250"/>
        <source>对方办理的结果，如法律援助决定、告诫书、庇护安置等。</source>
        <translation>The agency&apos;s result, e.g. legal aid decision, warning letter, shelter placement.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="255"/>
        <source>退回：来自{from_unit_name}</source>
        <translation>Return: from {from_unit_name}</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="255"/>
        <source>退回的理由</source>
        <translation>Reason for returning</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="255"/>
        <source>已退回转介</source>
        <translation>Referral returned</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="256"/>
        <source>退回后案件仍由发送单位办理。</source>
        <translation>After returning, the sending unit keeps handling the case.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="262"/>
        <source>接收{from_unit_name}的{direction_label}？接收后案件移交本单位办理，您成为承办人。</source>
        <translation>Accept the {direction_label} from {from_unit_name}? The case then moves to this unit and you become its handler.</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="263"/>
        <source>接收转介</source>
        <translation>Accept referral</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="264"/>
        <source>已接收，案件已移交本单位</source>
        <translation>Accepted; the case has moved to this unit</translation>
    </message>
    <message>
        <location filename="../../ui/referral/referral_panel.py" line="273"/>
        <source>已记录对方回复</source>
        <translation>Agency reply recorded</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_chart.py" line="38"/>
        <source>危险等级变化趋势图</source>
        <translation>Risk level trend chart</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_chart.py" line="46"/>
        <source>尚无评估</source>
        <translation>No assessments yet</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_chart.py" line="53"/>
        <location filename="../../ui/crisis/risk_chart.py" line="57"/>
        <source>高风险</source>
        <translation>High risk</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_chart.py" line="57"/>
        <source>中风险</source>
        <translation>Medium risk</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_chart.py" line="57"/>
        <source>低风险</source>
        <translation>Low risk</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_chart.py" line="67"/>
        <source>尚无评估记录</source>
        <translation>No assessment records yet</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="82"/>
        <source>暴力与伤害</source>
        <translation>Violence and injury</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="83"/>
        <source>威胁与控制</source>
        <translation>Threats and control</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="84"/>
        <source>加害人情况</source>
        <translation>About the abuser</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="85"/>
        <source>受害人与家庭</source>
        <translation>Victim and family</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="77"/>
        <location filename="../../ui/crisis/risk_form.py" line="89"/>
        <source>红色警示（任一项为“是”即定为高风险）</source>
        <translation>Red flags (any &quot;yes&quot; means high risk)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="80"/>
        <source>其他项目</source>
        <translation>Other items</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="121"/>
        <source>受害人与施暴者的关系(&amp;G)</source>
        <translation>Relationship of the person harmed to the abuser (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="174"/>
        <source>{short}：{weight} 分</source>
        <translation>{short}: {weight} points</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="175"/>
        <source>；红色警示，选“是”即为高风险</source>
        <translation>; red flag: &quot;yes&quot; means high risk</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="187"/>
        <source>本次评估</source>
        <translation>This assessment</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="198"/>
        <source>调高等级的理由（必填），如：昨晚扬言放火烧房</source>
        <translation>Reason for raising the level (required), e.g. threatened last night to set the house on fire</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="202"/>
        <source>保存评估(&amp;S)</source>
        <translation>Save assessment (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="204"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="206"/>
        <source>按上次评估填写</source>
        <translation>Fill in from last assessment</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="207"/>
        <source>复评时先带出上次的回答，再逐项向当事人核实</source>
        <translation>When reassessing, bring in the previous answers, then check each with the party</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="215"/>
        <source>专业判断(&amp;J)</source>
        <translation>Professional judgement (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="217"/>
        <source>调整理由(&amp;R)</source>
        <translation>Reason for adjustment (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="236"/>
        <source>专业判断只能调高风险等级，不能调低；评估为“高”即标记为重大案事件。</source>
        <translation>Professional judgement can only raise the risk level, never lower it; &quot;High&quot; marks the case as a major incident.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="253"/>
        <source>得分 {score} / {max}（中风险自 {medium} 分，高风险自 {high} 分）</source>
        <translation>Score {score} / {max} (medium risk from {medium}, high risk from {high})</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="256"/>
        <source>尚未勾选任何项目。逐项询问后勾选回答“是”的项目；全部为“否”时保存为低风险。</source>
        <translation>Nothing ticked yet. Ask each question and tick the &quot;yes&quot; answers; with every answer &quot;no&quot; the assessment is saved as low risk.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="260"/>
        <source>（得分未到高风险，由红色警示定为高风险）</source>
        <translation> (score below high risk; set to high by a red flag)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="274"/>
        <source>不调整（按评估结果：{level}）</source>
        <translation>No change (as assessed: {level})</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="276"/>
        <source>不调整（按评估结果）</source>
        <translation>No change (as assessed)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="279"/>
        <source>调高为“{level}”</source>
        <translation>Raise to &quot;{level}&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="295"/>
        <source>您的角色不能登记评估，或案件已办结。</source>
        <translation>Your role cannot record assessments, or the case is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="299"/>
        <source>调高风险等级须写明理由。</source>
        <translation>Raising the risk level requires a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/risk_form.py" line="306"/>
        <source>{level}风险（专业判断）</source>
        <translation>{level} risk (professional judgement)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/unlock.py" line="21"/>
        <source>打开数据存储</source>
        <translation>Open data store</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/unlock.py" line="34"/>
        <location filename="../../ui/accounts/unlock.py" line="61"/>
        <source>改用恢复码</source>
        <translation>Use the recovery code instead</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/unlock.py" line="43"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/unlock.py" line="48"/>
        <source>数据存储：{path}</source>
        <translation>Data store: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/unlock.py" line="58"/>
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/unlock.py" line="61"/>
        <source>改用口令</source>
        <translation>Use the passphrase instead</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/unlock.py" line="68"/>
        <source>请输入恢复码。</source>
        <translation>Please enter the recovery code.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/unlock.py" line="68"/>
        <source>请输入口令。</source>
        <translation>Please enter the passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="28"/>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="32"/>
        <location filename="../../ui/lock_screen.py" line="39"/>
        <source>请输入密码以继续</source>
        <translation>Enter your password to continue</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="48"/>
        <source>切换用户(&amp;S)</source>
        <translation>&amp;Switch user</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="50"/>
        <source>修改密码(&amp;P)</source>
        <translation>Change &amp;password</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="52"/>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>注销(&amp;O)</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="53"/>
        <source>关闭上一位用户打开的案件（未保存的输入会丢失），让下一位用户登录</source>
        <translation>Close the cases the previous user opened (unsaved input is lost) so the next user can log in</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="98"/>
        <source>请填写用户名。</source>
        <translation>Please fill in the user name.</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="65"/>
        <source>为保护当事人信息，长时间未操作或手动锁定后，案件信息已隐藏；未保存的输入仍保留。</source>
        <translation>To protect the parties&apos; information, case details are hidden after a long idle period or a manual lock; unsaved input is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="79"/>
        <source>请输入用户名和密码登录</source>
        <translation>Enter a user name and password to log in</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="80"/>
        <source>登录(&amp;L)</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="83"/>
        <source>{name}（{username}）</source>
        <translation>{name} ({username})</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="232"/>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="97"/>
        <source>预览：{name}</source>
        <translation>Preview: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="103"/>
        <source>{type} · {size} · {who} 添加于 {when}</source>
        <translation>{type} · {size} · added by {who} on {when}</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="124"/>
        <location filename="../../ui/documents/batch_print.py" line="134"/>
        <location filename="../../ui/documents/document_preview.py" line="96"/>
        <location filename="../../ui/documents/verify_dialog.py" line="63"/>
        <location filename="../../ui/manual.py" line="32"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="137"/>
        <source>图片无法显示（文件可能已损坏或格式不受支持）。</source>
        <translation>The image cannot be shown (the file may be damaged or in an unsupported format).</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="141"/>
        <source>适合窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="142"/>
        <source>原始大小</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="143"/>
        <location filename="../../ui/attachments/attachment_preview.py" line="166"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="144"/>
        <location filename="../../ui/attachments/attachment_preview.py" line="167"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="145"/>
        <source>{w} × {h} 像素</source>
        <translation>{w} × {h} pixels</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="156"/>
        <source>PDF 文件无法显示（文件可能已损坏或已加密）。</source>
        <translation>The PDF cannot be shown (the file may be damaged or password-protected).</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="164"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="165"/>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/attachment_preview.py" line="168"/>
        <source>共 {n} 页</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="48"/>
        <source>无法开始打印：打印机不可用。</source>
        <translation>Cannot start printing: the printer is not available.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="82"/>
        <source>打印/导出 {case_no}</source>
        <translation>Print/Export {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="87"/>
        <source>正在读取可出具的文书…</source>
        <translation>Reading which documents can be issued…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="94"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="95"/>
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="103"/>
        <source>出具给</source>
        <translation>Issued to</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="130"/>
        <source>本案暂无可出具的文书。</source>
        <translation>This case has no documents to issue yet.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="164"/>
        <source>{kind} · {recipient} · 共 {pages} 页</source>
        <translation>{kind} · {recipient} · {pages} pages</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="175"/>
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="175"/>
        <location filename="../../ui/documents/verify_dialog.py" line="87"/>
        <location filename="../../ui/reporting/reporting_page.py" line="349"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="184"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="184"/>
        <source>无法写入 {path}：{reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="186"/>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="213"/>
        <source>已发送到打印机：{pages} 页</source>
        <translation>Sent to the printer: {pages} pages</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="226"/>
        <source>打印/导出…</source>
        <translation>Print/Export…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_preview.py" line="227"/>
        <source>预览、打印或另存本案的文书和卷宗</source>
        <translation>Preview, print or save this case&apos;s documents and case file</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="103"/>
        <location filename="../../ui/sync/sync_station.py" line="55"/>
        <location filename="../../ui/sync/sync_stations_admin.py" line="42"/>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="55"/>
        <source>上次导出</source>
        <translation>Last export</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="55"/>
        <source>上次导入</source>
        <translation>Last import</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="55"/>
        <source>待对方确认的变更</source>
        <translation>Changes not yet acknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="63"/>
        <source>导出同步包…</source>
        <translation>Export sync bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="64"/>
        <source>导入同步包…</source>
        <translation>Import sync bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="65"/>
        <source>交换(&amp;E)…</source>
        <translation>Exchange (&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="66"/>
        <location filename="../../ui/sync/sync_station.py" line="114"/>
        <source>选U盘（文件夹）：导入其中发给本站的全部同步包，再把本站的同步包写进去</source>
        <translation>Pick the USB drive (folder): import every bundle in it for this station, then write this station&apos;s bundle to it</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="76"/>
        <source>发往</source>
        <translation>Send to</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="82"/>
        <source>&lt;b&gt;站点同步&lt;/b&gt;&#x3000;同步包已加密，只有收件站点能打开；导入时整体写入或整体拒绝。</source>
        <translation>&lt;b&gt;Station sync&lt;/b&gt;&#x3000;Bundles are encrypted so only the receiving station can open them; an import is applied in full or refused in full.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="100"/>
        <source>（审计链异常）</source>
        <translation>(audit chain broken)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="101"/>
        <location filename="../../ui/sync/sync_station.py" line="102"/>
        <location filename="../../ui/sync/sync_stations_admin.py" line="91"/>
        <source>从未</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="108"/>
        <source>该站点的审计链不再接续本站保存的审计检查点：{p}</source>
        <translation>This station&apos;s audit chain no longer extends the checkpoint kept here: {p}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="113"/>
        <source>与区平台服务器直接同步；连不上时可改用U盘（文件夹）交换</source>
        <translation>Sync straight with the district server; if it cannot be reached, exchange through a USB drive (folder) instead</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="125"/>
        <source>与区平台同步：</source>
        <translation>Sync with the district platform: </translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="135"/>
        <source>还没有登记的对方站点。区里在“站点”页点击“开通站点”，把开通文件和开通码分别交给站点；站点首次启动时选择“加入区平台（站点）”即可。开通后对方会列在这里。</source>
        <translation>No other station is registered yet. At the district, click &quot;Open station&quot; on the Stations page and hand the package and the code to the station separately; at its first start the station chooses &quot;Join the district platform (station)&quot;. Once open, it is listed here.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="138"/>
        <source>下一步：点击“交换”，本站直接与区平台服务器同步；连不上时可改用U盘交换。</source>
        <translation>Next: click “Exchange” to sync this station straight with the district server; if it cannot be reached, use a USB drive instead.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="139"/>
        <source>下一步：插入U盘，点击“交换”并选择U盘（或其中的文件夹）。本站会先导入其中发给本站的同步包，再把发往“{to}”的同步包写进去；把U盘带到对方，对方同样点“交换”。</source>
        <translation>Next: insert the USB drive, click &quot;Exchange&quot; and choose the drive (or a folder on it). Bundles for this station are imported first, then the bundle for &quot;{to}&quot; is written there; take the drive to the other side, where they click &quot;Exchange&quot; too.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="143"/>
        <source>导出同步包</source>
        <translation>Export sync bundle</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="144"/>
        <source>同步包 (*.fsync)</source>
        <translation>Sync bundles (*.fsync)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="149"/>
        <source>导入同步包</source>
        <translation>Import sync bundle</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="149"/>
        <source>同步包 (*.fsync);;所有文件 (*)</source>
        <translation>Sync bundles (*.fsync);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="170"/>
        <source>正在连接区平台并同步…</source>
        <translation>Connecting to the district platform and syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="174"/>
        <source>另一次同步（自动同步）正在进行，请稍候再点击“交换”。</source>
        <translation>Another sync (the automatic one) is running; click “Exchange” again in a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="191"/>
        <source>选择U盘或交换文件夹</source>
        <translation>Choose the USB drive or exchange folder</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="206"/>
        <source>正在交换同步包…</source>
        <translation>Exchanging bundles…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="216"/>
        <source>正在导出同步包…</source>
        <translation>Exporting sync bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="224"/>
        <source>正在导入同步包…</source>
        <translation>Importing sync bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="237"/>
        <source>经U盘（文件夹）交换：</source>
        <translation>Exchanged through the USB drive (folder): </translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="238"/>
        <source>下一步：到“同步冲突”页逐项处理冲突。</source>
        <translation>Next: resolve the conflicts field by field on the Sync conflicts page.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="239"/>
        <source>下一步：安全弹出U盘，带到对方站点点击“交换”。</source>
        <translation>Next: eject the USB drive safely and take it to the other station to click &quot;Exchange&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="241"/>
        <source>已导出同步包：发往{to}，{n} 条记录，{a} 个附件。</source>
        <translation>Sync bundle exported for {to}: {n} records, {a} attachments.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="253"/>
        <source>已通过区平台服务器直接同步：发出 {out} 条记录，收到 {into} 条记录。</source>
        <translation>Synced straight with the district server: {out} records sent, {into} records received.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="256"/>
        <source>两边都没有新的变更，数据未改变。</source>
        <translation> Neither side had new changes; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="258"/>
        <source>发现 {n} 处冲突。下一步：到“同步冲突”页逐项处理冲突。</source>
        <translation>{n} conflict(s) found. Next: resolve them field by field on the Sync conflicts page.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_station.py" line="272"/>
        <source>改用U盘（文件夹）交换吗？</source>
        <translation>Exchange through a USB drive (folder) instead?</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_charts.py" line="117"/>
        <source>{unit}（对数刻度）</source>
        <translation>{unit} (log scale)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_charts.py" line="117"/>
        <source>对数刻度</source>
        <translation>Log scale</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_charts.py" line="161"/>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="58"/>
        <source>点击查看这些案件</source>
        <translation>Click to list these cases</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_charts.py" line="199"/>
        <source>（去年 {n:g}）</source>
        <translation>(last year {n:g})</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_charts.py" line="203"/>
        <source>{name} 0（去年 {n:g}）</source>
        <translation>{name} 0 (last year {n:g})</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_charts.py" line="208"/>
        <source>（无数据）</source>
        <translation> (no data)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="61"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="61"/>
        <source>添加人</source>
        <translation>Added by</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="61"/>
        <source>添加时间</source>
        <translation>Added on</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="115"/>
        <source>添加文件(&amp;F)…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="117"/>
        <location filename="../../ui/attachments/evidence_tab.py" line="203"/>
        <source>预览(&amp;P)</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="119"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="128"/>
        <source>可把文件直接拖放到案件页面上添加。材料加密保存在数据存储中；每次查看都记入审计日志；医疗记录等敏感材料只有有权限的人员可以打开。</source>
        <translation>Drop files anywhere on the case page to add them. Files are stored encrypted in the data store; every viewing is recorded in the audit log; sensitive material such as medical records can only be opened by authorised staff.</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="161"/>
        <source>（敏感）</source>
        <translation> (sensitive)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="165"/>
        <source>（敏感材料）</source>
        <translation>(sensitive material)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="174"/>
        <source>共 {n} 件</source>
        <translation>{n} in total</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="175"/>
        <source>本案还没有材料：点“添加文件”，或把文件拖到本页。</source>
        <translation>No materials for this case yet: click &quot;Add file&quot; or drag files onto this page.</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="202"/>
        <location filename="../../ui/attachments/evidence_tab.py" line="297"/>
        <source>用系统程序打开</source>
        <translation>Open with system viewer</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="209"/>
        <source>选择要添加的文件</source>
        <translation>Choose files to add</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="210"/>
        <source>常见材料 (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.txt);;所有文件 (*)</source>
        <translation>Common documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="217"/>
        <source>您的角色不能为案件添加材料。</source>
        <translation>Your role cannot add documents to cases.</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="223"/>
        <source>无法添加</source>
        <translation>Cannot add</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="223"/>
        <source>只能添加文件；文件夹和已不存在的文件已略过。</source>
        <translation>Only files can be added; folders and files that no longer exist were skipped.</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="226"/>
        <location filename="../../ui/attachments/evidence_tab.py" line="264"/>
        <source>文件未添加</source>
        <translation>File not added</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="258"/>
        <source>正在加密保存文件…</source>
        <translation>Encrypting and saving files…</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="264"/>
        <source>部分文件未添加</source>
        <translation>Some files were not added</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="280"/>
        <source>无权查看</source>
        <translation>Not permitted to view</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="280"/>
        <source>这是敏感材料，您的角色没有“查看敏感证据材料”的权限。</source>
        <translation>This is sensitive material; your role lacks the right &quot;View sensitive evidence&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="298"/>
        <source>“{name}”不能在本程序内预览。将解密出一份临时副本，用系统默认程序打开。

临时副本在关闭本案件或退出程序时删除；请勿在外部程序中把它另存到其他位置。继续吗？</source>
        <translation>&quot;{name}&quot; cannot be previewed in this program. A temporary decrypted copy will be opened with the system&apos;s default program.

The temporary copy is deleted when this case is closed or the program exits; do not save it elsewhere from the other program. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="309"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="309"/>
        <source>系统中没有能打开此类文件的程序。</source>
        <translation>No program on this computer can open this type of file.</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="316"/>
        <source>移除材料</source>
        <translation>Remove document</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="316"/>
        <source>移除原因</source>
        <translation>Reason for removal</translation>
    </message>
    <message>
        <location filename="../../ui/attachments/evidence_tab.py" line="317"/>
        <source>“{name}”将从案件材料中移除；移除记入审计日志。</source>
        <translation>&quot;{name}&quot; will be removed from the case documents; the removal is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediator_sessions.py" line="61"/>
        <source>调解安排（今天及今后 6 天）</source>
        <translation>Sessions (today and the next 6 days)</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediator_sessions.py" line="87"/>
        <source>今天和今后 6 天都没有调解安排。可在案件的“调解”页安排调解。</source>
        <translation>No sessions today or in the next 6 days. Schedule one on a case&apos;s “Mediation” tab.</translation>
    </message>
    <message>
        <location filename="../../ui/mediation/mediator_sessions.py" line="88"/>
        <source>调解安排：今天 {today} 次，今后 6 天 {week} 次</source>
        <translation>Sessions: {today} today, {week} in the next 6 days</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="56"/>
        <source>按国务院通知确认 {year} 年工作日历</source>
        <translation>Confirm the {year} working-day calendar from the State Council&apos;s notice</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="58"/>
        <source>请从中国政府网复制《国务院办公厅关于{year}年部分节假日安排的通知》全文，粘贴到下面。读取结果和全年日历会立即显示，核对无误后点“确认并保存”。</source>
        <translation>Copy the full text of the State Council&apos;s notice on the {year} holiday arrangements from www.gov.cn and paste it below. What was read and the whole year are shown at once; when they are right, click &quot;Confirm and save&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="62"/>
        <source>一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。
二、春节：……上班。</source>
        <translation>一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。
二、春节：……上班。</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="65"/>
        <source>通知全文(&amp;T)</source>
        <translation>Notice &amp;text</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="69"/>
        <source>节日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="69"/>
        <location filename="../../ui/clocks/year_calendar.py" line="144"/>
        <source>放假</source>
        <translation>Days off</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="69"/>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="69"/>
        <location filename="../../ui/clocks/year_calendar.py" line="144"/>
        <source>调休上班</source>
        <translation>Make-up working days</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="84"/>
        <source>&lt;span style=&apos;background:#fbe3e1;color:#b3261e&apos;&gt;&amp;nbsp;红底&amp;nbsp;&lt;/span&gt; 放假&#x3000;&lt;span style=&apos;background:#dde8fb;color:#0b57d0&apos;&gt;&amp;nbsp;蓝底&amp;nbsp;&lt;/span&gt; 调休上班&#x3000;&lt;span style=&apos;color:#8a8a8a&apos;&gt;灰字&lt;/span&gt; 周末&#x3000;鼠标停在日期上可看节日名称</source>
        <translation>&lt;span style=&apos;background:#fbe3e1;color:#b3261e&apos;&gt;&amp;nbsp;red&amp;nbsp;&lt;/span&gt; day off&#x3000;&lt;span style=&apos;background:#dde8fb;color:#0b57d0&apos;&gt;&amp;nbsp;blue&amp;nbsp;&lt;/span&gt; make-up working day&#x3000;&lt;span style=&apos;color:#8a8a8a&apos;&gt;grey&lt;/span&gt; weekend&#x3000;hover a day to see its holiday</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="97"/>
        <source>确认并保存(&amp;S)</source>
        <translation>Confirm and &amp;save</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="107"/>
        <source>读取结果</source>
        <translation>Read from the notice</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="136"/>
        <source>{year} 年（通知未读通，以下为暂定日历）</source>
        <translation>{year} (the notice could not be read; the provisional calendar is shown)</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="144"/>
        <source>已读取 {items} 项放假安排：全年放假 {rest} 天，调休上班 {work} 天。</source>
        <translation>Read {items} holiday items: {rest} days off and {work} make-up working days in the year.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="150"/>
        <source>{year} 年（按通知）</source>
        <translation>{year} (from the notice)</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="161"/>
        <source>尚未粘贴通知。</source>
        <translation>No notice pasted yet.</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/holiday_notice_dialog.py" line="162"/>
        <source>{year} 年（暂定：按《全国年节及纪念日放假办法》推算的法定节假日和补假）</source>
        <translation>{year} (provisional: statutory holidays and make-up days computed from the national holiday regulation)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="58"/>
        <source>审计员</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="27"/>
        <location filename="../../ui/navigation.py" line="115"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/audit_log.py" line="30"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/audit_log.py" line="31"/>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/audit_log.py" line="32"/>
        <source>涉及字段</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/audit_log.py" line="55"/>
        <source>更早的记录(&amp;M)</source>
        <translation>&amp;More (older)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/audit_log.py" line="91"/>
        <source>已显示最近 {n} 条审计记录</source>
        <translation>Showing the latest {n} audit entries</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_queue.py" line="188"/>
        <source>已核实</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../ui/clocks/year_calendar.py" line="117"/>
        <source>{month} 月</source>
        <translation>Month {month}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="22"/>
        <source>登记强制报告</source>
        <translation>Record mandatory report</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="22"/>
        <source>发现的情况（时间、地点、伤情及家庭暴力的事实）</source>
        <translation>What was found (time, place, injuries and the facts of the violence)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="23"/>
        <source>登记报告</source>
        <translation>Record report</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="24"/>
        <source>依《反家庭暴力法》第十四条，发现{subject}遭受或者疑似遭受家庭暴力，应当立即向公安机关报案。报告人信息予以保密：只有有权查看保密信息的人员可见，不写入时间线，不印在给当事人或外单位的文书上。</source>
        <translation>Under art. 14 of the Anti-Domestic Violence Law, {subject} found suffering or suspected of suffering domestic violence must be reported to the police at once. The reporter is kept confidential: visible only to staff who may see confidential details, never written to the timeline, never printed on papers for parties or other bodies.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="28"/>
        <source>如：望城区公安分局高塘岭派出所</source>
        <translation>e.g. Gaotangling police station, Wangcheng public security sub-bureau</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="33"/>
        <source>书面或当面报案时必填</source>
        <translation>Required for a written or in-person report</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="34"/>
        <source>姓名、警号</source>
        <translation>Name and badge number</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="38"/>
        <source>受理公安机关</source>
        <translation>Police unit</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="38"/>
        <source>报告时间</source>
        <translation>Reported at</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="39"/>
        <source>报告方式</source>
        <translation>How reported</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="39"/>
        <source>回执编号</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="40"/>
        <source>接报民警</source>
        <translation>Receiving officer</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="40"/>
        <source>报告人（保密）</source>
        <translation>Reporter (confidential)</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="41"/>
        <source>报告人职务</source>
        <translation>Reporter&apos;s post</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/mandatory_report_dialog.py" line="41"/>
        <source>报告人电话</source>
        <translation>Reporter&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/danger_assessment_dialog.py" line="39"/>
        <source>危险性评估 {case_no}</source>
        <translation>Danger assessment {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/danger_assessment_dialog.py" line="41"/>
        <source>&lt;b&gt;登记前的筛查提示：&lt;/b&gt;{why}&lt;br&gt;请与来访人逐项核对后勾选回答“是”的项目，再按 Alt+S 保存。评估为高风险的，案件立即进入督导审核队列首位。</source>
        <translation>&lt;b&gt;Screening at intake:&lt;/b&gt; {why}&lt;br&gt;Go through each item with the visitor, tick the &quot;yes&quot; answers, then press Alt+S to save. A high-risk result puts the case at the top of the supervisors&apos; review queue at once.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/danger_assessment_dialog.py" line="46"/>
        <source>稍后评估(&amp;L)</source>
        <translation>Assess &amp;later</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/danger_assessment_dialog.py" line="88"/>
        <source>危险评估尚未完成：请尽快在案件的“危机干预”页完成。</source>
        <translation>Danger assessment not done yet: complete it soon on the case&apos;s Crisis intervention tab.</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/danger_assessment_dialog.py" line="89"/>
        <source>危险评估：{level}风险</source>
        <translation>Danger assessment: {level} risk</translation>
    </message>
    <message>
        <location filename="../../ui/crisis/danger_assessment_dialog.py" line="91"/>
        <source>，已标记为重大案事件并置于督导审核队列首位</source>
        <translation>, marked as a major incident at the top of the supervisors&apos; review queue</translation>
    </message>
    <message>
        <location filename="../../ui/intake/receipt_dialog.py" line="149"/>
        <source>来访登记回执 {case_no}</source>
        <translation>Intake receipt {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/receipt_dialog.py" line="92"/>
        <source>正在生成回执…</source>
        <translation>Making the receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/receipt_dialog.py" line="150"/>
        <source>打印回执(&amp;P)（回车）</source>
        <translation>&amp;Print receipt (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/receipt_dialog.py" line="68"/>
        <source>不打印(&amp;N)</source>
        <translation>Do &amp;not print</translation>
    </message>
    <message>
        <location filename="../../ui/intake/receipt_dialog.py" line="95"/>
        <source>按回车打印，交来访人留存（共 {pages} 页）。</source>
        <translation>Press Enter to print it for the visitor ({pages} page(s)).</translation>
    </message>
    <message>
        <location filename="../../ui/intake/receipt_dialog.py" line="98"/>
        <source>回执未能生成。</source>
        <translation>The receipt could not be made.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/receipt_dialog.py" line="119"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/common/quick_datetime.py" line="31"/>
        <source>如 0315 1430 或 1430；留空为现在</source>
        <translation>e.g. 0315 1430 or 1430; blank for now</translation>
    </message>
    <message>
        <location filename="../../ui/common/quick_datetime.py" line="32"/>
        <source>可只输数字：1430 为今天 14:30，0315 1430 为 3 月 15 日 14:30</source>
        <translation>Digits are enough: 1430 is today 14:30, 0315 1430 is 15 March 14:30</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="34"/>
        <source>加入区平台：开通文件和开通码</source>
        <translation>Join the district platform: package and code</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="35"/>
        <source>请插入区里交来的U盘，选择其中的站点开通文件（.fprov），再输入另行告知您的开通码。</source>
        <translation>Insert the USB drive from the district, pick the station package on it (.fprov), then type the code you were told separately.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="38"/>
        <source>选择文件(&amp;L)…</source>
        <translation>Choose file (&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="44"/>
        <source>如：ABCD-EFGH-…（共 32 个字符，不区分大小写）</source>
        <translation>e.g. ABCD-EFGH-… (32 characters, case does not matter)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="48"/>
        <source>开通文件(&amp;F)</source>
        <translation>Package (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="52"/>
        <source>开通码(&amp;C)</source>
        <translation>Code (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="57"/>
        <source>开通码只用于打开这个开通文件。输错时不会创建任何文件，可以重新输入。</source>
        <translation>The code only opens this package. A wrong code creates no file; you can type it again.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="64"/>
        <source>选择站点开通文件</source>
        <translation>Choose the station package</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="65"/>
        <source>站点开通文件 (*.fprov);;所有文件 (*)</source>
        <translation>Station package (*.fprov);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="80"/>
        <source>这个文件太大，不是站点开通文件。</source>
        <translation>This file is too large to be a station package.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="84"/>
        <source>无法读取 {path}。请确认U盘已插好、文件存在。</source>
        <translation>Cannot read {path}. Check that the USB drive is inserted and the file exists.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="102"/>
        <location filename="../../ui/sync/station_open_wizard.py" line="282"/>
        <source>开通站点</source>
        <translation>Open station</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="103"/>
        <source>请核对以下内容，然后点击“开通站点”。</source>
        <translation>Check the following, then click &quot;Open station&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="104"/>
        <source>开通站点(&amp;C)</source>
        <translation>Open station (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="111"/>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;数据文件夹&lt;/td&gt;&lt;td&gt;&lt;code&gt;{data_dir}&lt;/code&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;开通文件&lt;/td&gt;&lt;td&gt;{package}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;密钥保护&lt;/td&gt;&lt;td&gt;{protection}&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;开通后，本机将作为站点与区平台交换同步包；登录账号由区里创建。&lt;/p&gt;</source>
        <translation>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;Data folder&lt;/td&gt;&lt;td&gt;&lt;code&gt;{data_dir}&lt;/code&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Package&lt;/td&gt;&lt;td&gt;{package}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Key protection&lt;/td&gt;&lt;td&gt;{protection}&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Once open, this computer exchanges bundles with the district as a station; accounts are made at the district.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="121"/>
        <source>正在创建加密数据存储并写入本单位的案件，请稍候…</source>
        <translation>Creating the encrypted data store and writing the unit&apos;s cases, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="132"/>
        <source>已开通：{unit}</source>
        <translation>Opened: {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="135"/>
        <source>{message}请点击“上一步”设置口令后再开通。</source>
        <translation>{message} Click &quot;Back&quot; to set a passphrase, then open the station.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_join.py" line="136"/>
        <source>开通站点时遇到意外错误，没有留下任何文件。详细信息已记入日志；请检查文件夹是否可写、磁盘空间是否充足后重试。</source>
        <translation>Opening the station failed unexpectedly; no files were left behind. Details are in the log; check that the folder is writable and the disk has space, then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="42"/>
        <source>上次交换</source>
        <translation>Last exchange</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="42"/>
        <source>待发往站点的变更</source>
        <translation>Changes to send</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="43"/>
        <source>收到、待回执的变更</source>
        <translation>Received, not yet acknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="56"/>
        <source>开通站点(&amp;O)…</source>
        <translation>Open station (&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="57"/>
        <source>停用站点…</source>
        <translation>Retire station…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="64"/>
        <source>超过</source>
        <translation>Mark as overdue after</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="66"/>
        <source>没有收到站点的同步包，标为逾期</source>
        <translation>without a bundle from the station</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="71"/>
        <source>&lt;b&gt;站点&lt;/b&gt;&#x3000;各街镇、村（社区）站点与本站交换同步包的情况。</source>
        <translation>&lt;b&gt;Stations&lt;/b&gt;&#x3000;How each town and village station exchanges bundles with this one.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="90"/>
        <source>逾期：超过 {d} 天未收到同步包</source>
        <translation>Overdue: no bundle for more than {d} days</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="100"/>
        <source>还没有开通任何站点。下一步：点击“开通站点”，为街镇或村（社区）生成开通文件和开通码，分别交给站点。</source>
        <translation>No station has been opened yet. Next: click &quot;Open station&quot; to make a package and a code for a town or village, and hand them over separately.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="103"/>
        <source>{n} 个站点逾期未交换。下一步：联系这些站点，请他们带U盘来交换，或在“站点同步”页写好同步包送过去。</source>
        <translation>{n} station(s) overdue. Next: contact them and ask them to bring the USB drive, or write a bundle for them on the Station sync page and take it there.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="106"/>
        <source>所有站点都按时交换。站点交来的U盘请在“站点同步”页点击“交换”。</source>
        <translation>All stations exchange on time. For a USB drive brought by a station, click &quot;Exchange&quot; on the Station sync page.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="140"/>
        <location filename="../../ui/sync/sync_stations_admin.py" line="160"/>
        <source>停用站点</source>
        <translation>Retire station</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="141"/>
        <source>停用“{name}”后，本站不再向它发送同步包，它此后交来的同步包一律拒收。此操作不能撤销；该单位换了电脑的，停用后可重新开通站点。
确定停用吗？</source>
        <translation>Once &quot;{name}&quot; is retired, nothing more is sent to it and every bundle it brings is refused. This cannot be undone; if the unit has a new computer, open a new station after retiring.
Retire it?</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="145"/>
        <source>请输入本数据存储的口令或恢复码：</source>
        <translation>Enter this data store&apos;s passphrase or recovery code:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_stations_admin.py" line="160"/>
        <source>已停用“{name}”。它此后交来的同步包将被拒收。</source>
        <translation>Retired &quot;{name}&quot;. Bundles it brings from now on will be refused.</translation>
    </message>
    <message>
        <location filename="../../ui/manual.py" line="26"/>
        <source>幸福号 · 用户手册</source>
        <translation>Xingfuhao · User manual</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="24"/>
        <source>输入的不是幸福号的核验码：核验码为 16 位字母和数字，例如 ABCD-EFGH-JKMN-PQRS。</source>
        <translation>This is not a Xingfuhao verification code: a code has 16 letters and digits, e.g. ABCD-EFGH-JKMN-PQRS.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="25"/>
        <source>本系统没有出具过带此核验码的文书。</source>
        <translation>This system has not issued any paper with this verification code.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="26"/>
        <source>登记记录的签名不符：登记内容已被改动，请勿采信。</source>
        <translation>The signature of the register entry does not hold: the entry has been altered. Do not rely on it.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="27"/>
        <source>本系统出具过此文书，请核对纸面上的案号和文书名称与下列一致。</source>
        <translation>This system issued this paper. Check that the case number and the paper&apos;s title on the paper match those below.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="28"/>
        <source>此文件没有幸福号的核验码，不是本系统出具的文书。</source>
        <translation>This file has no Xingfuhao verification code: it is not a paper issued by this system.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="29"/>
        <source>本系统没有出具过此文书（核验码未登记），可能来自其他数据存储。</source>
        <translation>This system did not issue this paper (its code is not registered); it may come from another data store.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="30"/>
        <source>文件内容与出具时不一致：文件在出具后被改动过。</source>
        <translation>The file differs from the one issued: it was changed after it was issued.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="31"/>
        <source>文件与本系统出具的文书逐字节一致。</source>
        <translation>The file is byte for byte the paper this system issued.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="44"/>
        <source>核验文书</source>
        <translation>Verify a paper</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="45"/>
        <source>输入文书页脚的核验码，或用扫码枪扫描页脚的二维码，然后按回车。也可以打开 PDF 文件核验。</source>
        <translation>Type the verification code at the foot of the paper, or scan its QR code with a scanner, then press Enter. You can also open a PDF file to verify it.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="48"/>
        <source>核验码，例如 ABCD-EFGH-JKMN-PQRS</source>
        <translation>Verification code, e.g. ABCD-EFGH-JKMN-PQRS</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="51"/>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="54"/>
        <source>核验 PDF 文件…</source>
        <translation>Verify a PDF file…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="82"/>
        <location filename="../../ui/documents/verify_dialog.py" line="97"/>
        <source>正在核验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="87"/>
        <source>选择要核验的 PDF 文件</source>
        <translation>Choose the PDF file to verify</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="95"/>
        <source>无法读取文件“{name}”。</source>
        <translation>Cannot read the file “{name}”.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="107"/>
        <source>一致</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="107"/>
        <source>不一致</source>
        <translation>Does not match</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="107"/>
        <source>未登记</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="108"/>
        <source>核验结果：{verdict}</source>
        <translation>Result: {verdict}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="120"/>
        <source>核验码：{code}</source>
        <translation>Verification code: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="122"/>
        <source>案号：{case_no}</source>
        <translation>Case number: {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="123"/>
        <source>文书：{kind}</source>
        <translation>Paper: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="124"/>
        <source>出具对象：{recipient}</source>
        <translation>Issued to: {recipient}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="126"/>
        <source>出具时间：{at}</source>
        <translation>Issued at: {at}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="128"/>
        <source>出具单位：{unit}</source>
        <translation>Issued by: {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/reporting/reporting_page.py" line="37"/>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="34"/>
        <source>及时受理率</source>
        <translation>Timely acceptance</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="34"/>
        <source>按期办结率</source>
        <translation>Closed on time</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="35"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="37"/>
        <source>统计期内作出受理决定的信访案件（15日内作出为及时）</source>
        <translation>Petitions whose acceptance was decided in the period (timely: within 15 days)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="38"/>
        <source>统计期内结案的信访案件（60日或批准延长的期限内结案为按期）</source>
        <translation>Petitions closed in the period (on time: within 60 days or the approved extension)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="39"/>
        <source>统计期内结案、信访人有评价的信访案件（未评价的单列）</source>
        <translation>Petitions closed in the period with the petitioner&apos;s evaluation (not evaluated: shown apart)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="41"/>
        <source>15日内作出</source>
        <translation>Within 15 days</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="41"/>
        <source>作出决定</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="42"/>
        <source>按期办结</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="42"/>
        <source>结案数</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="43"/>
        <source>满意和基本满意</source>
        <translation>Satisfied or basically</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="43"/>
        <source>有评价</source>
        <translation>Evaluated</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="115"/>
        <source>去年同期 {rate}</source>
        <translation>Last year: {rate}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/dashboard_kpis.py" line="117"/>
        <source>（{points:+.1f} 个百分点）</source>
        <translation> ({points:+.1f} points)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/register_dialog.py" line="32"/>
        <source>当日登记簿：本次登记</source>
        <translation>Day&apos;s register: this contact</translation>
    </message>
    <message>
        <location filename="../../ui/intake/register_dialog.py" line="32"/>
        <source>打印登记簿这一行(&amp;P)（回车）</source>
        <translation>Print register line (&amp;P) (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/register_dialog.py" line="42"/>
        <source>正在生成登记簿的这一行…</source>
        <translation>Preparing the register line…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/register_dialog.py" line="45"/>
        <source>按回车打印这一行，贴入本处纸质登记簿。</source>
        <translation>Press Enter to print the line for the paper register.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/register_dialog.py" line="48"/>
        <source>登记簿的这一行未能生成。</source>
        <translation>The register line could not be prepared.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/register_dialog.py" line="57"/>
        <source>当日登记簿 {day}</source>
        <translation>Visitor register {day}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/register_dialog.py" line="58"/>
        <source>打印当日登记簿(&amp;P)（回车）</source>
        <translation>Print day&apos;s register (&amp;P) (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/register_dialog.py" line="67"/>
        <source>正在生成当日登记簿…</source>
        <translation>Preparing the day&apos;s register…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/register_dialog.py" line="70"/>
        <source>按回车打印当日登记簿（共 {pages} 页）。</source>
        <translation>Press Enter to print the day&apos;s register ({pages} pages).</translation>
    </message>
    <message>
        <location filename="../../ui/intake/register_dialog.py" line="73"/>
        <source>当日登记簿未能生成。</source>
        <translation>The day&apos;s register could not be prepared.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/auto_sync.py" line="107"/>
        <location filename="../../ui/sync/sync_station.py" line="186"/>
        <source>同步时发生意外错误，未完成；详细信息已记入日志。</source>
        <translation>The sync failed with an unexpected error; details are in the log.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_gate.py" line="65"/>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_gate.py" line="67"/>
        <source>（将于 {time} 重试）</source>
        <translation> (retrying at {time})</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_gate.py" line="68"/>
        <location filename="../../ui/sync/sync_station.py" line="272"/>
        <source>未能连接区平台</source>
        <translation>Could not reach the district platform</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_gate.py" line="68"/>
        <source>同步未完成</source>
        <translation>Sync not completed</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_gate.py" line="70"/>
        <source>上次同步 {time}（中国时间）</source>
        <translation>Last sync {time} (China time)</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <location filename="../../ui/app.py" line="43"/>
        <source>幸福号</source>
        <translation>Xingfuhao</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="119"/>
        <source>幸福号已在运行</source>
        <translation>Xingfuhao is already running</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="120"/>
        <source>这个数据存储已被另一个幸福号窗口打开：
{path}
请切换到那个窗口。</source>
        <translation>This data store is already open in another Xingfuhao window:
{path}
Please switch to that window.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="136"/>
        <source>无法打开数据存储</source>
        <translation>Cannot open the data store</translation>
    </message>
</context>
</TS>
