<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>{0}月</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>月度办件量（按类型）</source>
        <translation>Cases per month (by kind)</translation>
    </message>
    <message>
        <source>本期没有登记办件</source>
        <translation>No cases registered in this period</translation>
    </message>
    <message>
        <source>各代理站按时办结率</source>
        <translation>On-time completion by station</translation>
    </message>
    <message>
        <source>按时办结率</source>
        <translation>On-time completion rate</translation>
    </message>
    <message>
        <source>本期没有计时办结的办件</source>
        <translation>No timed cases were completed in this period</translation>
    </message>
    <message>
        <source>评价分布</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>评价件数</source>
        <translation>Rated cases</translation>
    </message>
    <message>
        <source>本期没有评价</source>
        <translation>No ratings in this period</translation>
    </message>
    <message>
        <source>信访件数与上年同期</source>
        <translation>Petitions, this year and last</translation>
    </message>
    <message>
        <source>本期</source>
        <translation>This period</translation>
    </message>
    <message>
        <source>上年同期</source>
        <translation>Same period last year</translation>
    </message>
    <message>
        <source>本期和上年同期都没有信访件</source>
        <translation>No petitions in this period or the same period last year</translation>
    </message>
    <message>
        <source>考核报告</source>
        <translation>Assessment report</translation>
    </message>
    <message>
        <source>考核期 {0} 至 {1}；统计截至 {2}；制表 {3}</source>
        <translation>Period {0} to {1}; counted up to {2}; prepared {3}</translation>
    </message>
    <message>
        <source>各项指标的统计口径见《考核指标说明》（docs/assessment.md）；数字均由办件记录自动统计。</source>
        <translation>How each figure is counted is explained in docs/assessment.md; all figures come from the case records.</translation>
    </message>
    <message>
        <source>登记件数</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>用时中位数(时)</source>
        <translation>Median hours</translation>
    </message>
    <message>
        <source>超期未办结</source>
        <translation>Overdue, not completed</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>差评 / 已回访 / 已整改</source>
        <translation>Bad ratings / revisited / put right</translation>
    </message>
    <message>
        <source>信访 / 上年同期</source>
        <translation>Petitions / last year</translation>
    </message>
    <message>
        <source>服务群众人数</source>
        <translation>Villagers served</translation>
    </message>
    <message>
        <source>化解久拖不决</source>
        <translation>Long-standing problems resolved</translation>
    </message>
    <message>
        <source>按计划走访率</source>
        <translation>Visits made as planned</translation>
    </message>
    <message>
        <source>被举报</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>没有记录</source>
        <translation>No records</translation>
    </message>
    <message>
        <source>（续）</source>
        <translation> (continued)</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>被举报代理员</source>
        <translation>Cadre complained about</translation>
    </message>
    <message>
        <source>涉及办件</source>
        <translation>Case concerned</translation>
    </message>
    <message>
        <source>举报人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>举报内容</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>核查情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>（尚未核查）</source>
        <translation>(not yet checked)</translation>
    </message>
    <message>
        <source>处理措施</source>
        <translation>Measures taken</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>时间：{0}&#x3000;地点：{1}</source>
        <translation>Time: {0}   Place: {1}</translation>
    </message>
    <message>
        <source>参加：{0}（共 {1} 人）</source>
        <translation>Present: {0} ({1} people)</translation>
    </message>
    <message>
        <source>议定事项：{0}</source>
        <translation>Agreed: {0}</translation>
    </message>
    <message>
        <source>讨论的群众意见</source>
        <translation>Opinions discussed</translation>
    </message>
    <message>
        <source>反馈：{0}</source>
        <translation>Feedback: {0}</translation>
    </message>
    <message>
        <source>（尚未反馈）</source>
        <translation>(no feedback yet)</translation>
    </message>
    <message>
        <source>形成的办件</source>
        <translation>Cases raised</translation>
    </message>
</context>
<context>
    <name>Action</name>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>一次性告知补正</source>
        <translation>List missing materials</translation>
    </message>
    <message>
        <source>补正材料已交</source>
        <translation>Materials handed in</translation>
    </message>
    <message>
        <source>授权委托</source>
        <translation>Record authorisation</translation>
    </message>
    <message>
        <source>委托书已签</source>
        <translation>Record signature</translation>
    </message>
    <message>
        <source>指定经办人</source>
        <translation>Assign handler</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>转办回复</source>
        <translation>Record transfer answer</translation>
    </message>
    <message>
        <source>联动会办</source>
        <translation>Joint handling</translation>
    </message>
    <message>
        <source>暂停计时</source>
        <translation>Pause clock</translation>
    </message>
    <message>
        <source>恢复计时</source>
        <translation>Resume clock</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>回复群众</source>
        <translation>Tell villager</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Return visit</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>Put right</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>重新办理</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>上级接收</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>转送</source>
        <translation>Send on</translation>
    </message>
    <message>
        <source>冲突裁定</source>
        <translation>Settle conflict</translation>
    </message>
    <message>
        <source>撤销导入</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <source>按工作日历重算时限</source>
        <translation>Recount deadline by calendar</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>确认对办件 {0} 执行“{1}”？</source>
        <translation>Record “{1}” on case {0}?</translation>
    </message>
    <message>
        <source>确定（Ctrl+Enter）</source>
        <translation>OK (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>取消（Esc）</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>第一位管理员</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>管理员可以添加其他工作人员、修改事项目录。请牢记密码。</source>
        <translation>The administrator can add other staff and edit the service catalogue. Keep the password safe.</translation>
    </message>
    <message>
        <source>登录名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>姓名(&amp;D)</source>
        <translation>&amp;Display name</translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>再输一次密码(&amp;C)</source>
        <translation>&amp;Confirm password</translation>
    </message>
    <message>
        <source>请填写管理员的登录名</source>
        <translation>Please enter the administrator&apos;s user name</translation>
    </message>
    <message>
        <source>密码至少{0}位</source>
        <translation>The password needs at least {0} characters</translation>
    </message>
    <message>
        <source>两次输入的密码不一样，请重新输入</source>
        <translation>The two passwords differ; please type them again</translation>
    </message>
    <message>
        <source>管理员：{0}</source>
        <translation>Administrator: {0}</translation>
    </message>
</context>
<context>
    <name>AssessmentScreen</name>
    <message>
        <source>{0}年上半年</source>
        <translation>{0} first half</translation>
    </message>
    <message>
        <source>{0}年下半年</source>
        <translation>{0} second half</translation>
    </message>
    <message>
        <source>{0}年全年</source>
        <translation>{0} whole year</translation>
    </message>
    <message>
        <source>自定义日期…</source>
        <translation>Custom dates…</translation>
    </message>
    <message>
        <source>统计(&amp;R)</source>
        <translation>&amp;Count</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>导出 PDF 报告…</source>
        <translation>Export PDF report…</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>考核期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>{0}（{1} 至 {2}），统计截至 {3}。点列标题可排序。</source>
        <translation>{0} ({1} to {2}), counted up to {3}. Click a column title to sort.</translation>
    </message>
    <message>
        <source>自定时段</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <source>考核</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>导出 PDF 报告</source>
        <translation>Export PDF report</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>还没有统计结果，请先点“统计”</source>
        <translation>Nothing counted yet; press Count first</translation>
    </message>
    <message>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>AuthorisationPanel</name>
    <message>
        <source>群众委托代理的具体事项，如：代为协调讨要拖欠工资</source>
        <translation>What the villager asks us to pursue, e.g. recovering unpaid wages</translation>
    </message>
    <message>
        <source>群众已签署书面授权委托书</source>
        <translation>The villager has signed a written authorisation</translation>
    </message>
    <message>
        <source>诉求代理须有群众的授权委托才能受理。</source>
        <translation>A claim can only be taken on with the villager&apos;s authorisation.</translation>
    </message>
    <message>
        <source>委托范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>委托日期</source>
        <translation>Date signed</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>备份到U盘或文件夹(&amp;B)…</source>
        <translation>&amp;Back up to a USB stick or folder…</translation>
    </message>
    <message>
        <source>从备份文件恢复(&amp;R)…</source>
        <translation>&amp;Restore from a backup file…</translation>
    </message>
    <message>
        <source>程序每天自动备份到数据目录。恢复前会先检查备份文件；被替换的数据库另存一份，不会删除。</source>
        <translation>The program backs up to its data folder every day. A backup file is checked before it is restored; the replaced database is kept, never deleted.</translation>
    </message>
    <message>
        <source>选择备份存放的位置</source>
        <translation>Choose where to put the backup</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>加密备份 (*.hdbackup *.sqlite3);;所有文件 (*)</source>
        <translation>Encrypted backups (*.hdbackup *.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>备份文件检查无误：{0}。请关闭程序再打开，打开时恢复这份备份。</source>
        <translation>The backup file checks out: {0}. Close the program and open it again; it restores this backup as it opens.</translation>
    </message>
    <message>
        <source>没有完成：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>{year}年{month}月{day}日（{weekday}）{time}前</source>
        <translation>by {time} on {weekday} {day}/{month}/{year}</translation>
    </message>
    <message>
        <source>{year}年工作日历：{source}</source>
        <translation>Working calendar for {year}: {source}</translation>
    </message>
    <message>
        <source>工作日 {working} 天，休息日 {resting} 天</source>
        <translation>{working} working days, {resting} days off</translation>
    </message>
    <message>
        <source>已导入{year}年：{days}（{source}）</source>
        <translation>Imported {year}: {days} ({source})</translation>
    </message>
    <message>
        <source>从 {start} 起，{limit}：{due}</source>
        <translation>From {start}, {limit}: {due}</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>一般事项：{rule}</source>
        <translation>General matters: {rule}</translation>
    </message>
    <message>
        <source>工作日历：查看、导入、推算办结时限</source>
        <translation>Working calendar: view, import, work out deadlines</translation>
    </message>
    <message>
        <source>已知的年份及来源；--year 看某一年的每个特殊日子</source>
        <translation>Known years and their sources; --year shows every special day of one year</translation>
    </message>
    <message>
        <source>导入公布的放假安排（CSV 或 JSON）</source>
        <translation>Import a published holiday schedule (CSV or JSON)</translation>
    </message>
    <message>
        <source>文件依据，如：国办发明电〔2026〕…号</source>
        <translation>The official notice it is based on (its document number)</translation>
    </message>
    <message>
        <source>局部调整（如台风停止办公），不是全年安排</source>
        <translation>A local adjustment (e.g. offices closed for a typhoon), not a full-year schedule</translation>
    </message>
    <message>
        <source>推算办结时刻</source>
        <translation>Work out when a matter is due</translation>
    </message>
    <message>
        <source>受理时刻，如 2026-09-30T10:00（北京时间）</source>
        <translation>Time of acceptance, e.g. 2026-09-30T10:00 (Beijing time)</translation>
    </message>
    <message>
        <source>1wd（工作日）、48h（小时）或 5d（自然日）</source>
        <translation>1wd (working days), 48h (hours) or 5d (calendar days)</translation>
    </message>
    <message>
        <source>一般事项48小时的计算方式（县里设定）</source>
        <translation>How the 48 hours for general matters are counted (set by the county)</translation>
    </message>
    <message>
        <source>，另有局部调整{days}天</source>
        <translation>, plus {days} days of local adjustments</translation>
    </message>
    <message>
        <source>{year}年  {source}{extra}</source>
        <translation>{year}  {source}{extra}</translation>
    </message>
    <message>
        <source>按新日历重算了 {count} 件办件的办结时限：{cases}</source>
        <translation>Deadlines of {count} cases recounted by the new calendar: {cases}</translation>
    </message>
    <message>
        <source>注意：{year}年工作日历尚未公布，暂只按周末计算，公布后会重新计算</source>
        <translation>Note: the {year} working calendar is not published yet; only weekends are counted for now, and deadlines will be recounted once it is</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{kind}{days}天</source>
        <translation>{kind}: {days} days</translation>
    </message>
    <message>
        <source>{unit}（{code}）的数据：{cases} 件办件，最后一笔记录 {last}</source>
        <translation>Data of {unit} ({code}): {cases} cases, last record {last}</translation>
    </message>
    <message>
        <source>已备份到 {made}</source>
        <translation>Backed up to {made}</translation>
    </message>
    <message>
        <source>已恢复：{what}</source>
        <translation>Restored: {what}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>备份数据库到指定文件或文件夹（如U盘）</source>
        <translation>Back up the database to a given file or folder (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>备份文件或文件夹；不写则存到数据目录的 backups 文件夹</source>
        <translation>Backup file or folder; if left out, the backups folder in the data folder</translation>
    </message>
    <message>
        <source>从备份恢复（先检查备份；现在的数据库移到数据目录的 replaced 文件夹）</source>
        <translation>Restore from a backup (the backup is checked first; the current database moves to the replaced folder in the data folder)</translation>
    </message>
    <message>
        <source>要恢复的备份文件</source>
        <translation>The backup file to restore</translation>
    </message>
    <message>
        <source>用数据目录里最新的完好备份</source>
        <translation>Use the newest good backup in the data folder</translation>
    </message>
    <message>
        <source>允许换成另一个站的数据</source>
        <translation>Allow replacing it with another station&apos;s data</translation>
    </message>
    <message>
        <source>原来的数据库没有删除，保存在 {set_aside}</source>
        <translation>The previous database was not deleted; it is kept at {set_aside}</translation>
    </message>
    <message>
        <source>{start}至{end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>在任</source>
        <translation>In office</translation>
    </message>
    <message>
        <source>已离任</source>
        <translation>Left office</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>群众</source>
        <translation>Non-party</translation>
    </message>
    <message>
        <source>代理员名录：列出、添加、修改、离任</source>
        <translation>Cadre roster: list, add, change, leave office</translation>
    </message>
    <message>
        <source>以 JSON 输出</source>
        <translation>Output as JSON</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>做这项修改的人的登录名（必填，记入名录历史）</source>
        <translation>User name of whoever makes this change (required; kept in the roster history)</translation>
    </message>
    <message>
        <source>列出在任的代理员</source>
        <translation>List the cadres in office</translation>
    </message>
    <message>
        <source>也列出已离任的</source>
        <translation>Also list those who have left office</translation>
    </message>
    <message>
        <source>添加代理员</source>
        <translation>Add a cadre</translation>
    </message>
    <message>
        <source>修改代理员信息（只改给出的项）</source>
        <translation>Change a cadre&apos;s details (only the items given)</translation>
    </message>
    <message>
        <source>代理员编号或姓名</source>
        <translation>Cadre number or name</translation>
    </message>
    <message>
        <source>代理员离任（从公示牌撤下，不再受理新事项）</source>
        <translation>A cadre leaves office (taken off the public board, takes no new matters)</translation>
    </message>
    <message>
        <source>离任日期，默认今天</source>
        <translation>Date of leaving office; today if left out</translation>
    </message>
    <message>
        <source>离任原因</source>
        <translation>Reason for leaving office</translation>
    </message>
    <message>
        <source>恢复已离任的代理员</source>
        <translation>Bring a cadre who left back into office</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>公示电话</source>
        <translation>Phone shown on the public board</translation>
    </message>
    <message>
        <source>角色：{roles}（默认代理员）</source>
        <translation>Role: {roles} (default: agent)</translation>
    </message>
    <message>
        <source>职务，如：村党总支书记</source>
        <translation>Post, e.g. village Party branch secretary</translation>
    </message>
    <message>
        <source>负责片区，如：一组、二组</source>
        <translation>Area covered, e.g. groups 1 and 2</translation>
    </message>
    <message>
        <source>是否党员（默认是）</source>
        <translation>Party member or not (default: yes)</translation>
    </message>
    <message>
        <source>到任日期，默认今天</source>
        <translation>Date of taking office; today if left out</translation>
    </message>
    <message>
        <source>服务事项（可写多次）</source>
        <translation>Service (may be given more than once)</translation>
    </message>
    <message>
        <source>所在单位代码，默认本站</source>
        <translation>Unit code; this station if left out</translation>
    </message>
    <message>
        <source>是否上公示牌（默认上）</source>
        <translation>Show on the public board or not (default: yes)</translation>
    </message>
    <message>
        <source>没有要修改的内容</source>
        <translation>Nothing to change</translation>
    </message>
    <message>
        <source>今</source>
        <translation>now</translation>
    </message>
    <message>
        <source>代理员名录是空的：用 haian-desk cadres add --name 姓名 --phone 电话 添加</source>
        <translation>The cadre roster is empty: add one with haian-desk cadres add --name NAME --phone PHONE</translation>
    </message>
    <message>
        <source>已接收 {case_no}</source>
        <translation>Taken up: {case_no}</translation>
    </message>
    <message>
        <source>已把 {case_no} 转送 {unit}</source>
        <translation>{case_no} sent on to {unit}</translation>
    </message>
    <message>
        <source>已把 {case_no} 退回下级</source>
        <translation>{case_no} returned down</translation>
    </message>
    <message>
        <source>已添加账号 {username}（{role}）</source>
        <translation>Added login {username} ({role})</translation>
    </message>
    <message>
        <source>本中心收到的上报事项（待接收、办理中、已转出）</source>
        <translation>Matters sent up to this centre (waiting, in hand, sent on)</translation>
    </message>
    <message>
        <source>只列一类（默认全部）</source>
        <translation>List one kind only (all if left out)</translation>
    </message>
    <message>
        <source>接收一件上报事项</source>
        <translation>Take up a matter sent up</translation>
    </message>
    <message>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>把事项转送给部门或上级中心</source>
        <translation>Send a matter on to a department or a higher centre</translation>
    </message>
    <message>
        <source>接收单位名称，如：海安市民政局</source>
        <translation>Name of the receiving unit, e.g. Haian Civil Affairs Bureau</translation>
    </message>
    <message>
        <source>转送理由</source>
        <translation>Reason for sending it on</translation>
    </message>
    <message>
        <source>把事项连同办理结果退回下级</source>
        <translation>Return a matter down with what was done here</translation>
    </message>
    <message>
        <source>本级办理结果</source>
        <translation>What was done at this level</translation>
    </message>
    <message>
        <source>退回到哪一级（默认原路退回上一站）</source>
        <translation>Which level to return it to (by default back the way it came)</translation>
    </message>
    <message>
        <source>为本中心添加登录账号（密码从 {env} 读取）</source>
        <translation>Add a login for this centre (password read from {env})</translation>
    </message>
    <message>
        <source>收件箱里没有事项</source>
        <translation>The inbox is empty</translation>
    </message>
    <message>
        <source>办理人的登录名</source>
        <translation>User name of whoever acts</translation>
    </message>
    <message>
        <source>已添加管理员账号 {username}</source>
        <translation>Added administrator login {username}</translation>
    </message>
    <message>
        <source>群众花名册</source>
        <translation>Villager roster</translation>
    </message>
    <message>
        <source>代理登记台账（历史办件）</source>
        <translation>Proxy ledger (past cases)</translation>
    </message>
    <message>
        <source>代理员名单</source>
        <translation>Cadre list</translation>
    </message>
    <message>
        <source>撤销人的登录名，须为本站的站长或管理员（记入导入记录）</source>
        <translation>User name of whoever undoes it; must be this station&apos;s head or an administrator (kept in the import record)</translation>
    </message>
    <message>
        <source>检查结果（未写入）</source>
        <translation>Check result (nothing written)</translation>
    </message>
    <message>
        <source>{head}：新增 {added}，更新 {updated}，已存在不变 {unchanged}，不导入 {refused}（共 {rows} 行）</source>
        <translation>{head}: {added} new, {updated} updated, {unchanged} unchanged, {refused} not imported ({rows} rows in all)</translation>
    </message>
    <message>
        <source>已撤销导入 {import_id}：撤回 {withdrawn} 条记录</source>
        <translation>Undid import {import_id}: {withdrawn} records taken back</translation>
    </message>
    <message>
        <source>已导出 {count} 行到 {xlsx}（文件含个人信息，请妥善保管）</source>
        <translation>Exported {count} rows to {xlsx} (the file holds personal data; keep it safe)</translation>
    </message>
    <message>
        <source>从 Excel/WPS/CSV 文件导入群众、历史台账或代理员</source>
        <translation>Import villagers, a past ledger or cadres from an Excel/WPS/CSV file</translation>
    </message>
    <message>
        <source>导入人的登录名，须为本站的站长或管理员（记入导入记录；--dry-run 时可不写）</source>
        <translation>User name of whoever imports; must be this station&apos;s head or an administrator (kept in the import record; not needed with --dry-run)</translation>
    </message>
    <message>
        <source>列出以往的导入</source>
        <translation>List past imports</translation>
    </message>
    <message>
        <source>撤销一次导入（导入后被改动过的记录不撤销）</source>
        <translation>Undo an import (records changed since the import are kept)</translation>
    </message>
    <message>
        <source>导出群众花名册或办件台账为 .xlsx（与导入的列相同）</source>
        <translation>Export the villager roster or case ledger as .xlsx (same columns as for import)</translation>
    </message>
    <message>
        <source>要写入的 .xlsx 文件（含个人信息，请妥善保管）</source>
        <translation>The .xlsx file to write (holds personal data; keep it safe)</translation>
    </message>
    <message>
        <source>已导入，编号 {import_id}</source>
        <translation>Imported as number {import_id}</translation>
    </message>
    <message>
        <source>没有需要写入的内容</source>
        <translation>Nothing to write</translation>
    </message>
    <message>
        <source>工作表“{sheet}”里找不到表头，没有读取</source>
        <translation>No header row found in sheet “{sheet}”; it was not read</translation>
    </message>
    <message>
        <source>  第{row_no}行（{sheet}）：{reason}</source>
        <translation>  Row {row_no} ({sheet}): {reason}</translation>
    </message>
    <message>
        <source>还没有导入过</source>
        <translation>Nothing has been imported yet</translation>
    </message>
    <message>
        <source>，已于 {when} 撤销</source>
        <translation>, undone at {when}</translation>
    </message>
    <message>
        <source>{id}  {started}  {actor}  {kind}  {file_name}  sha256:{checksum}  新增{added} 更新{updated} 不变{unchanged} 不导入{refused}{undone}</source>
        <translation>{id}  {started}  {actor}  {kind}  {file_name}  sha256:{checksum}  new {added} updated {updated} unchanged {unchanged} not imported {refused}{undone}</translation>
    </message>
    <message>
        <source>  第{row}行（{sheet}）：{reason}</source>
        <translation>  Row {row} ({sheet}): {reason}</translation>
    </message>
    <message>
        <source>导入{label}</source>
        <translation>Import: {label}</translation>
    </message>
    <message>
        <source>文件：.xlsx .xls .ods .csv .txt</source>
        <translation>File: .xlsx .xls .ods .csv .txt</translation>
    </message>
    <message>
        <source>只导入这个工作表（默认：所有认得出表头的工作表）</source>
        <translation>Import only this sheet (default: every sheet with a recognised header)</translation>
    </message>
    <message>
        <source>指定表头对应的字段，如 手机号码=phone,户主=（留空表示不导入该列）</source>
        <translation>Which field a header means, e.g. Mobile=phone,Householder= (empty: do not import that column)</translation>
    </message>
    <message>
        <source>表头在第几行（默认自动找）</source>
        <translation>Row number of the header (found automatically by default)</translation>
    </message>
    <message>
        <source>只检查，逐行说明会怎样处理，不写入</source>
        <translation>Only check: say row by row what would happen, without writing</translation>
    </message>
    <message>
        <source>登录名 {login}，密码 {password}</source>
        <translation>User name {login}, password {password}</translation>
    </message>
    <message>
        <source>海安群众事务代理工作台 Haian Desk</source>
        <translation>Haian Desk</translation>
    </message>
    <message>
        <source>显示版本和构建号并退出</source>
        <translation>Show the version and build number and exit</translation>
    </message>
    <message>
        <source>数据目录（默认用 HAIAN_DESK_HOME 或系统的用户数据目录）</source>
        <translation>Data folder (default: HAIAN_DESK_HOME or the system&apos;s user data folder)</translation>
    </message>
    <message>
        <source>提示和界面的语言（默认看 LANG 环境变量，否则简体中文）</source>
        <translation>Language of messages and screens (default: from the LANG environment variable, otherwise Simplified Chinese)</translation>
    </message>
    <message>
        <source>在数据目录中建站</source>
        <translation>Set up a station in the data folder</translation>
    </message>
    <message>
        <source>单位代码：镇9位，村12位，组15位</source>
        <translation>Unit code: 9 digits for a township, 12 for a village, 15 for a group</translation>
    </message>
    <message>
        <source>站名，如：曲塘镇双楼村代理站</source>
        <translation>Station name, as printed on papers (in Chinese)</translation>
    </message>
    <message>
        <source>首个管理员登录名（密码从 HAIAN_DESK_ADMIN_PASSWORD 读取）</source>
        <translation>User name of the first administrator (the password is read from HAIAN_DESK_ADMIN_PASSWORD)</translation>
    </message>
    <message>
        <source>生成演示站点（群众、代理员和各种状态的办件）</source>
        <translation>Make a demo station (villagers, cadres and cases in every state)</translation>
    </message>
    <message>
        <source>演示站的单位代码（默认 320685102210），建多个演示站时各用一个</source>
        <translation>Unit code of the demo station (default 320685102210); use a different one for each demo station</translation>
    </message>
    <message>
        <source>演示站的站名（默认 曲塘镇双楼村代理站）</source>
        <translation>Name of the demo station (default: the Shuanglou village station in Qutang)</translation>
    </message>
    <message>
        <source>列出办件</source>
        <translation>List cases</translation>
    </message>
    <message>
        <source>完整性检查，并用事件日志重建核对</source>
        <translation>Check integrity and cross-check by rebuilding from the event log</translation>
    </message>
    <message>
        <source>应为正整数，而不是 {text}</source>
        <translation>should be a positive whole number, not {text}</translation>
    </message>
    <message>
        <source>已建站：{unit_name}（{unit_code}），数据目录 {folder}</source>
        <translation>Station set up: {unit_name} ({unit_code}), data folder {folder}</translation>
    </message>
    <message>
        <source>  已生成 {done}/{total} 件</source>
        <translation>  {done}/{total} cases made</translation>
    </message>
    <message>
        <source>演示站已建好：{unit_name}，{total} 件办件，数据目录 {folder}</source>
        <translation>Demo station ready: {unit_name}, {total} cases, data folder {folder}</translation>
    </message>
    <message>
        <source>数据已加密，演示站口令 {DEMO_PASSPHRASE}（公开的，只用于演示）</source>
        <translation>The data is encrypted; demo passphrase {DEMO_PASSPHRASE} (public, for demos only)</translation>
    </message>
    <message>
        <source>检查通过：数据库完好，{rows_checked} 条记录与事件日志重建结果一致</source>
        <translation>Check passed: the database is intact; {rows_checked} records match the rebuild from the event log</translation>
    </message>
    <message>
        <source>不一致：{line}</source>
        <translation>Mismatch: {line}</translation>
    </message>
    <message>
        <source>已建中心：{unit_name}（{unit_code}），数据在 PostgreSQL</source>
        <translation>Centre set up: {unit_name} ({unit_code}), its data in PostgreSQL</translation>
    </message>
    <message>
        <source>这个数据库已经是 {unit_name}（{unit_code}）的中心：结构已是最新，单位信息没有改动</source>
        <translation>This database is already the centre of {unit_name} ({unit_code}): its structure is up to date and its unit details were not changed</translation>
    </message>
    <message>
        <source>{unit} 考核报表 {period}（截至 {as_of}）</source>
        <translation>{unit} assessment report {period} (as of {as_of})</translation>
    </message>
    <message>
        <source>本中心的考核报表（各级汇总）</source>
        <translation>This centre&apos;s assessment report (every level summed up)</translation>
    </message>
    <message>
        <source>考核期：2026H1、2026H2、2026 或 起:止（YYYY-MM-DD）</source>
        <translation>assessment period: 2026H1, 2026H2, 2026 or from:to (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>输出 JSON（全部数字）</source>
        <translation>print JSON (every figure)</translation>
    </message>
    <message>
        <source>PostgreSQL 中心数据库，如 postgresql://用户@主机/库名（也可用环境变量 {env}）</source>
        <translation>the centre&apos;s PostgreSQL database, e.g. postgresql://user@host/dbname (or the environment variable {env})</translation>
    </message>
    <message>
        <source>检查通过：{events} 条事件齐全、连续，{rows_checked} 条记录与事件日志重建结果一致</source>
        <translation>Check passed: {events} events complete and continuous, {rows_checked} records equal to a rebuild from the event log</translation>
    </message>
    <message>
        <source>缺失：{line}</source>
        <translation>Missing: {line}</translation>
    </message>
    <message>
        <source>{code}  {name}  登记 {registered}  办结 {completed}  按时办结率 {rate}  超期未办结 {overdue}</source>
        <translation>{code}  {name}  registered {registered}  completed {completed}  on time {rate}  overdue open {overdue}</translation>
    </message>
    <message>
        <source>错误：数据库文件已损坏（{damage}）（请用 haian-desk restore --latest 恢复最新的完好备份）</source>
        <translation>Error: the database file is damaged ({damage}) (restore the newest good backup with haian-desk restore --latest)</translation>
    </message>
    <message>
        <source>完整性：{line}</source>
        <translation>Integrity: {line}</translation>
    </message>
    <message>
        <source>恢复备份后：编号用到了哪里；无法联网时确认离线编号</source>
        <translation>After restoring a backup: how far numbering got; confirm offline numbering when there is no network</translation>
    </message>
    <message>
        <source>确认离线继续办理（办件编号带 L，记录序号跳过一段）</source>
        <translation>Confirm going on offline (case numbers carry an L, record numbers skip a range)</translation>
    </message>
    <message>
        <source>确认人的登录名（记入审计记录）</source>
        <translation>User name of whoever confirms (kept in the audit log)</translation>
    </message>
    <message>
        <source>请先联网同步（haian-desk sync）；确实无法联网时：haian-desk numbering --offline --as 登录名</source>
        <translation>Sync over the network first (haian-desk sync); if there really is no network: haian-desk numbering --offline --as USERNAME</translation>
    </message>
    <message>
        <source>编号：正常（与镇中心一致）</source>
        <translation>Numbering: normal (agrees with the township centre)</translation>
    </message>
    <message>
        <source>编号：恢复备份后还不知道用到了哪里，暂不能登记</source>
        <translation>Numbering: after the restore it is not known how far numbers were used; registering is on hold</translation>
    </message>
    <message>
        <source>编号：离线办理中（办件编号带 L）</source>
        <translation>Numbering: working offline (case numbers carry an L)</translation>
    </message>
    <message>
        <source>已搁置（不再计入办件）并留存待核查 {count} 条时间戳过远的记录：</source>
        <translation>Set aside (no longer counted in cases) and kept for checking: {count} records stamped too far ahead:</translation>
    </message>
    <message>
        <source>发现 {count} 条时间戳过远的记录：</source>
        <translation>Found {count} records stamped too far ahead:</translation>
    </message>
    <message>
        <source>  {event}（{stream} {type}，来源 {origin}…，时间戳 {hlc}）</source>
        <translation>  {event} ({stream} {type}, from {origin}…, stamped {hlc})</translation>
    </message>
    <message>
        <source>时钟正常：没有时间戳超过 {days} 天窗口的记录（本机时钟 {clock}）</source>
        <translation>Clock fine: no record stamped beyond the {days}-day window (this PC&apos;s clock {clock})</translation>
    </message>
    <message>
        <source>  用 haian-desk sync clock --repair 搁置这些记录（记录保留，可核查）</source>
        <translation>  Set them aside with haian-desk sync clock --repair (the records are kept and can be checked)</translation>
    </message>
    <message>
        <source>待上报：{waiting}；另有 {stuck} 条记录未被接收（被镇中心拒收或留存待核查），不算已上报</source>
        <translation>Waiting to report: {waiting}; {stuck} more records were not taken (refused by the township centre or held for review) and do not count as reported</translation>
    </message>
    <message>
        <source>待上报：全部已上报</source>
        <translation>Waiting to report: everything is reported</translation>
    </message>
    <message>
        <source>没有待发送的记录</source>
        <translation>No records waiting to be sent</translation>
    </message>
    <message>
        <source>{count} 条记录待发送</source>
        <translation>{count} records waiting to be sent</translation>
    </message>
    <message>
        <source>待上报：{waiting}</source>
        <translation>Waiting to report: {waiting}</translation>
    </message>
    <message>
        <source>{count} 条：{reason}。处理：{action}</source>
        <translation>{count}: {reason}. What to do: {action}</translation>
    </message>
    <message>
        <source>上次成功：{when}</source>
        <translation>Last success: {when}</translation>
    </message>
    <message>
        <source>本机还没有登记到上级同步中心（先 haian-desk enrol request，再 enrol accept）</source>
        <translation>This PC is not enrolled with a sync hub yet (first haian-desk enrol request, then enrol accept)</translation>
    </message>
    <message>
        <source>上级同步中心：{hub}（{url}）</source>
        <translation>Sync hub above: {hub} ({url})</translation>
    </message>
    <message>
        <source>上次出错（{when}）：{error}</source>
        <translation>Last error ({when}): {error}</translation>
    </message>
    <message>
        <source>时钟：{warning}</source>
        <translation>Clock: {warning}</translation>
    </message>
    <message>
        <source>被上级拒收的记录 {event}：{reason}（不会再重发，请核对后处理）</source>
        <translation>Record {event} refused by the level above: {reason} (it will not be sent again; check it and deal with it)</translation>
    </message>
    <message>
        <source>收到但暂存待核查的记录 {event}：{reason}</source>
        <translation>Record {event} received but held for review: {reason}</translation>
    </message>
    <message>
        <source>有冲突待核对的办件：{cases}</source>
        <translation>Cases with conflicts to check: {cases}</translation>
    </message>
    <message>
        <source>还没有成功过</source>
        <translation>never yet</translation>
    </message>
    <message>
        <source>未设网址，可用U盘同步</source>
        <translation>no address set; sync by USB stick</translation>
    </message>
    <message>
        <source>同步出错，{seconds:.0f} 秒后重试……</source>
        <translation>Sync failed; retrying in {seconds:.0f} seconds…</translation>
    </message>
    <message>
        <source>已导出 {events} 条记录到 {path}（{size} 字节，已加密，只有镇中心能打开）</source>
        <translation>Exported {events} records to {path} ({size} bytes, encrypted; only the township centre can open it)</translation>
    </message>
    <message>
        <source>已导入 {unit} 的同步文件（批次 {batch}）</source>
        <translation>Imported the sync file from {unit} (batch {batch})</translation>
    </message>
    <message>
        <source>  新增 {applied} 条，早已有 {already} 条，拒收 {rejected} 条</source>
        <translation>  {applied} new, {already} already here, {rejected} refused</translation>
    </message>
    <message>
        <source>  拒收 {event}：{reason}</source>
        <translation>  Refused {event}: {reason}</translation>
    </message>
    <message>
        <source>与上级同步中心同步；或导出、导入同步文件，查看状态</source>
        <translation>Sync with the sync hub above; or export or import sync files, or see the status</translation>
    </message>
    <message>
        <source>同步中心网址，如 http://192.168.1.10:8765（会记住）</source>
        <translation>Sync hub address, e.g. http://192.168.1.10:8765 (remembered)</translation>
    </message>
    <message>
        <source>同步中心用 https 时，它的证书文件（会记住）</source>
        <translation>The sync hub&apos;s certificate file, when it uses https (remembered)</translation>
    </message>
    <message>
        <source>出错后重试几次（等待时间逐次加倍，最多10分钟）</source>
        <translation>How many times to retry after an error (the wait doubles each time, up to 10 minutes)</translation>
    </message>
    <message>
        <source>多少秒没有进展就算超时</source>
        <translation>Seconds without progress before timing out</translation>
    </message>
    <message>
        <source>每批最多几条记录</source>
        <translation>Most records per batch</translation>
    </message>
    <message>
        <source>把还没上报的记录导出成文件（用U盘带到镇中心）</source>
        <translation>Export the records not yet reported to a file (take it to the township centre on a USB stick)</translation>
    </message>
    <message>
        <source>导入同步文件（镇中心导入站点的文件，站点导入回执）</source>
        <translation>Import a sync file (the township centre imports a station&apos;s file; a station imports the receipt)</translation>
    </message>
    <message>
        <source>（镇中心）回执文件的保存位置，默认在原文件旁</source>
        <translation>(Township centre) where to save the receipt file; next to the original file if left out</translation>
    </message>
    <message>
        <source>检查（--repair 修复）时间戳远超本机时钟的记录（时钟被拨乱或数据被篡改）</source>
        <translation>Check for (and with --repair, fix) records stamped far ahead of this PC&apos;s clock (clock set wrong or data tampered with)</translation>
    </message>
    <message>
        <source>把这些记录从记录中取出，留存待核查，并重置时钟</source>
        <translation>Take those records out, keep them for review, and reset the clock</translation>
    </message>
    <message>
        <source>待上报的记录、上次成功、上次出错</source>
        <translation>Records waiting to be reported, last success, last error</translation>
    </message>
    <message>
        <source>  这一批已经收到过（第一次于 {when}），没有重复写入：already received</source>
        <translation>  This batch was already received (first at {when}); nothing was written twice: already received</translation>
    </message>
    <message>
        <source>  其中 {held} 条要等它之前的记录到达后才会显示（已保存）</source>
        <translation>  {held} of them will show once the records before them arrive (saved)</translation>
    </message>
    <message>
        <source>  {count} 件办件出现两处同时办理的冲突，请核对</source>
        <translation>  {count} cases were handled in two places at once; please check them</translation>
    </message>
    <message>
        <source>  回执文件已写到 {path}（{events} 条），请带回站点导入</source>
        <translation>  Receipt file written to {path} ({events} records); take it back to the station and import it</translation>
    </message>
    <message>
        <source>中断前已完成：{summary}</source>
        <translation>Done before the interruption: {summary}</translation>
    </message>
    <message>
        <source>登记申请已写到 {out}：{unit_name}（{unit_code}）</source>
        <translation>Enrolment request written to {out}: {unit_name} ({unit_code})</translation>
    </message>
    <message>
        <source>本机密钥指纹：{fingerprint}（办理时可电话核对）</source>
        <translation>This PC&apos;s key fingerprint: {fingerprint} (may be checked by phone during enrolment)</translation>
    </message>
    <message>
        <source>已登记到“{unit_name}”（{unit_code}），其密钥指纹 {fingerprint}</source>
        <translation>Enrolled with “{unit_name}” ({unit_code}); its key fingerprint is {fingerprint}</translation>
    </message>
    <message>
        <source>同步中心网址：{url}</source>
        <translation>Sync hub address: {url}</translation>
    </message>
    <message>
        <source>登记到上级同步中心（申请、接受答复）</source>
        <translation>Enrol with the sync hub above (request, accept the answer)</translation>
    </message>
    <message>
        <source>生成登记申请文件，交给镇中心</source>
        <translation>Make an enrolment request file to give to the township centre</translation>
    </message>
    <message>
        <source>登记申请文件的保存位置</source>
        <translation>Where to save the enrolment request file</translation>
    </message>
    <message>
        <source>导入镇中心的登记答复</source>
        <translation>Import the township centre&apos;s enrolment answer</translation>
    </message>
    <message>
        <source>镇中心给的登记答复文件</source>
        <translation>The enrolment answer file from the township centre</translation>
    </message>
    <message>
        <source>同步中心网址，如 http://192.168.1.10:8765</source>
        <translation>Sync hub address, e.g. http://192.168.1.10:8765</translation>
    </message>
    <message>
        <source>同步中心用 https 时，它的证书文件</source>
        <translation>The sync hub&apos;s certificate file, when it uses https</translation>
    </message>
    <message>
        <source>数据目录</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>未设置（可用 haian-desk sync --hub 网址 指明，或用U盘同步）</source>
        <translation>Not set (give it with haian-desk sync --hub ADDRESS, or sync by USB stick)</translation>
    </message>
    <message>
        <source>上传 {sent} 条（{batches} 批）</source>
        <translation>sent {sent} records ({batches} batches)</translation>
    </message>
    <message>
        <source>下载 {received} 条（{batches} 批）</source>
        <translation>received {received} records ({batches} batches)</translation>
    </message>
    <message>
        <source>与“{hub}”同步完成：{summary}</source>
        <translation>Synchronised with “{hub}”: {summary}</translation>
    </message>
    <message>
        <source>  被拒收：{event}：{reason}</source>
        <translation>  Refused: {event}: {reason}</translation>
    </message>
    <message>
        <source>  核对：双方记录一致</source>
        <translation>  Check: both sides hold the same records</translation>
    </message>
    <message>
        <source>  核对：发现不一致，已补齐</source>
        <translation>  Check: a difference was found and made good</translation>
    </message>
    <message>
        <source>  核对：双方记录仍不一致，请联系镇中心</source>
        <translation>  Check: the two sides still differ; please contact the township centre</translation>
    </message>
    <message>
        <source>  注意：{warning}</source>
        <translation>  Note: {warning}</translation>
    </message>
    <message>
        <source>{already} 条对方早已收到</source>
        <translation>{already} already held by the other side</translation>
    </message>
    <message>
        <source>{rejected} 条被拒收</source>
        <translation>{rejected} refused</translation>
    </message>
    <message>
        <source>  {held} 条记录在等它之前的记录到达后才会显示</source>
        <translation>  {held} records will show once the records before them arrive</translation>
    </message>
    <message>
        <source>  {cases} 件办件有两处同时办理的冲突，请工作人员核对</source>
        <translation>  {cases} cases were worked on in two places at once; staff should check them</translation>
    </message>
    <message>
        <source>  核对：未进行</source>
        <translation>  Check: not run</translation>
    </message>
    <message>
        <source>{code}  {name}  {state}  最近联系 {contact}  已收 {events} 条  时钟偏差 {drift}  超期 {overdue} 件</source>
        <translation>{code}  {name}  {state}  last contact {contact}  {events} records received  clock drift {drift}  {overdue} overdue</translation>
    </message>
    <message>
        <source>{unit_name} 同步服务：{scheme}://{host}:{port}（Ctrl+C 停止）</source>
        <translation>{unit_name} sync service: {scheme}://{host}:{port} (Ctrl+C to stop)</translation>
    </message>
    <message>
        <source>已登记：{unit_name}（{unit_code}），安装编号 {id}</source>
        <translation>Enrolled: {unit_name} ({unit_code}), installation ID {id}</translation>
    </message>
    <message>
        <source>其密钥指纹：{fingerprint}；登记答复已写到 {out}</source>
        <translation>Its key fingerprint: {fingerprint}; enrolment answer written to {out}</translation>
    </message>
    <message>
        <source>已恢复：{what}，写到 {out}</source>
        <translation>Recovered: {what}, written to {out}</translation>
    </message>
    <message>
        <source>请把这个文件夹拷到站点新电脑的数据目录，用新口令打开；再按 docs/keys-and-recovery.md 重新登记同步</source>
        <translation>Copy this folder to the data folder on the station&apos;s new PC and open it with the new passphrase; then enrol for sync again as docs/keys-and-recovery.md describes</translation>
    </message>
    <message>
        <source>已注销：{unit_name}（{unit_code}），安装编号 {id}；它已上报的数据保留</source>
        <translation>Retired: {unit_name} ({unit_code}), installation ID {id}; the data it reported is kept</translation>
    </message>
    <message>
        <source>  待核查 {count} 条</source>
        <translation>  {count} awaiting review</translation>
    </message>
    <message>
        <source>同步中心：服务、登记、注销、站点一览</source>
        <translation>Sync hub: serve, enrol, retire, list stations</translation>
    </message>
    <message>
        <source>启动同步服务（HTTP）</source>
        <translation>Start the sync service (HTTP)</translation>
    </message>
    <message>
        <source>监听地址（局域网内用 0.0.0.0）</source>
        <translation>Address to listen on (0.0.0.0 on a local network)</translation>
    </message>
    <message>
        <source>证书文件（PEM），与 --tls-key 一起启用 https</source>
        <translation>Certificate file (PEM); together with --tls-key it turns on https</translation>
    </message>
    <message>
        <source>证书私钥文件（PEM）</source>
        <translation>Certificate private key file (PEM)</translation>
    </message>
    <message>
        <source>单次请求的最大字节数</source>
        <translation>Largest request size in bytes</translation>
    </message>
    <message>
        <source>服务进程数（只用于 PostgreSQL 中心）</source>
        <translation>Number of server processes (PostgreSQL hubs only)</translation>
    </message>
    <message>
        <source>每隔多少秒自动上报上级中心（只用于 PostgreSQL 中心；默认 300，0 为不自动上报）</source>
        <translation>push to the parent hub every this many seconds (PostgreSQL hubs only; default 300, 0 to switch it off)</translation>
    </message>
    <message>
        <source>为站点办理登记：读申请，写答复</source>
        <translation>Enrol a station: read its request, write the answer</translation>
    </message>
    <message>
        <source>站点的登记申请文件</source>
        <translation>The station&apos;s enrolment request file</translation>
    </message>
    <message>
        <source>登记答复文件的保存位置</source>
        <translation>Where to save the enrolment answer file</translation>
    </message>
    <message>
        <source>写进答复的本中心网址，如 http://192.168.1.10:8765</source>
        <translation>This centre&apos;s address to put in the answer, e.g. http://192.168.1.10:8765</translation>
    </message>
    <message>
        <source>导入下级送来的同步文件，并写回执（县、市、省中心用 --database）</source>
        <translation>Import a sync file from a lower level and write the reply (county, city and province hubs use --database)</translation>
    </message>
    <message>
        <source>下级导出的同步文件（.hdsync）</source>
        <translation>Sync file exported by the lower level (.hdsync)</translation>
    </message>
    <message>
        <source>回执文件的保存位置（默认与同步文件放在一起）</source>
        <translation>Where to save the reply file (default: beside the sync file)</translation>
    </message>
    <message>
        <source>注销一个站点（其数据保留）</source>
        <translation>Retire a station (its data is kept)</translation>
    </message>
    <message>
        <source>站点的安装编号或单位代码</source>
        <translation>The station&apos;s installation ID or unit code</translation>
    </message>
    <message>
        <source>列出登记的站点</source>
        <translation>List enrolled stations</translation>
    </message>
    <message>
        <source>打印同步接口的 OpenAPI 描述</source>
        <translation>Print the OpenAPI description of the sync interface</translation>
    </message>
    <message>
        <source>用本中心的钥匙打开站点的备份（站点电脑和口令都没有了时）</source>
        <translation>Open a station&apos;s backup with this centre&apos;s key (when the station&apos;s PC and passphrase are both lost)</translation>
    </message>
    <message>
        <source>站点的备份文件（.hdbackup）</source>
        <translation>The station&apos;s backup file (.hdbackup)</translation>
    </message>
    <message>
        <source>恢复出的站点数据目录（新建的空文件夹）</source>
        <translation>Data folder for the recovered station (a new, empty folder)</translation>
    </message>
    <message>
        <source>错误：--tls-cert 和 --tls-key 要一起给出</source>
        <translation>Error: give --tls-cert and --tls-key together</translation>
    </message>
    <message>
        <source>还没有登记的站点</source>
        <translation>No stations enrolled yet</translation>
    </message>
    <message>
        <source>已注销</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>{seconds} 秒</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{unit_name} 同步服务（PostgreSQL，{workers} 个进程）：{scheme}://{host}:{port}（Ctrl+C 停止）</source>
        <translation>{unit_name} sync service (PostgreSQL, {workers} processes): {scheme}://{host}:{port} (Ctrl+C to stop)</translation>
    </message>
    <message>
        <source>有上级中心时，每 {seconds} 秒自动上报一次（--push-every）</source>
        <translation>With a parent hub enrolled, pushes to it every {seconds} s (--push-every)</translation>
    </message>
    <message>
        <source>县、市、省中心的 PostgreSQL 数据库，如 postgresql://用户@主机/库名（也可用环境变量 {env}）；此时 --data-dir 是中心密钥所在的文件夹</source>
        <translation>The PostgreSQL database of a county, city or province hub, e.g. postgresql://user@host/dbname (or the environment variable {env}); --data-dir is then the folder holding the hub&apos;s keys</translation>
    </message>
    <message>
        <source>错误：--workers 只用于 PostgreSQL 中心（--database）；镇中心的同步服务只开一个进程</source>
        <translation>Error: --workers is only for PostgreSQL hubs (--database); a township&apos;s sync service runs as one process</translation>
    </message>
    <message>
        <source>已登记到“{unit_name}”（{unit_code}）</source>
        <translation>Enrolled with “{unit_name}” ({unit_code})</translation>
    </message>
    <message>
        <source>已上报：新送达 {sent} 条（上级已有 {already} 条），收到上级 {received} 条</source>
        <translation>Pushed up: {sent} new records delivered ({already} already held above), {received} received from above</translation>
    </message>
    <message>
        <source>已导出 {n} 条给上级中心：{path}</source>
        <translation>Exported {n} records for the higher centre: {path}</translation>
    </message>
    <message>
        <source>把本中心的数据上报上级中心（PostgreSQL 中心）</source>
        <translation>Push this centre&apos;s records up to the higher centre (PostgreSQL centre)</translation>
    </message>
    <message>
        <source>上级中心的网址（会记住）</source>
        <translation>Address of the higher centre (remembered)</translation>
    </message>
    <message>
        <source>只显示最近一次上报的情况（hub serve 自动上报的也在内）</source>
        <translation>only show how the last push went (including those hub serve made on its own)</translation>
    </message>
    <message>
        <source>把给上级中心的数据导出成文件（PostgreSQL 中心）</source>
        <translation>Export the records for the higher centre to a file (PostgreSQL centre)</translation>
    </message>
    <message>
        <source>同步文件的保存位置（.hdsync）</source>
        <translation>Where to save the sync file (.hdsync)</translation>
    </message>
    <message>
        <source>导入上级中心发回的回执文件（PostgreSQL 中心）</source>
        <translation>Import the reply file sent back by the higher centre (PostgreSQL centre)</translation>
    </message>
    <message>
        <source>上级中心的回执文件（.hdsync）</source>
        <translation>The higher centre&apos;s reply file (.hdsync)</translation>
    </message>
    <message>
        <source>写本中心向上级中心申请登记的文件（PostgreSQL 中心）</source>
        <translation>Write this centre&apos;s enrolment request for the higher centre (PostgreSQL centre)</translation>
    </message>
    <message>
        <source>导入上级中心的登记答复（PostgreSQL 中心）</source>
        <translation>Import the higher centre&apos;s enrolment answer (PostgreSQL centre)</translation>
    </message>
    <message>
        <source>上级中心写的登记答复文件</source>
        <translation>The enrolment answer file written by the higher centre</translation>
    </message>
    <message>
        <source>上级中心的网址（不填则用答复里写的）</source>
        <translation>Address of the higher centre (if left out, the one in the answer)</translation>
    </message>
    <message>
        <source>这份回执以前已经导入过，没有再改动</source>
        <translation>This reply was imported before; nothing was changed again</translation>
    </message>
    <message>
        <source>已导入上级回执：新增 {n} 条</source>
        <translation>Imported the reply from above: {n} new records</translation>
    </message>
    <message>
        <source>本中心还没有登记上级中心：没有要上报的</source>
        <translation>This hub has no parent hub enrolled: nothing to push</translation>
    </message>
    <message>
        <source>最近一次上报成功：{at}，送达 {n} 条</source>
        <translation>Last successful push: {at}, {n} records delivered</translation>
    </message>
    <message>
        <source>还没有成功上报过</source>
        <translation>No push has gone through yet</translation>
    </message>
    <message>
        <source>此后上报失败（{at}）：{words}</source>
        <translation>Pushing has failed since ({at}): {words}</translation>
    </message>
    <message>
        <source>已恢复 {unit}：从镇中心取回 {from_hub} 条记录，从备份补回 {from_backup} 条（下次同步时上报），共 {cases} 件办件</source>
        <translation>Restored {unit}: {from_hub} records fetched from the township centre, {from_backup} recovered from the backup (sent up at the next sync), {cases} cases in all</translation>
    </message>
    <message>
        <source>已恢复镇中心 {unit}：从县级中心取回 {from_hub} 条记录，从备份补回 {from_backup} 条（下次同步时上报），共 {cases} 件办件</source>
        <translation>Township centre {unit} restored: {from_hub} records from the county centre, {from_backup} from the backup (sent up at the next sync), {cases} matters in all</translation>
    </message>
    <message>
        <source>本中心的同步密钥是新的：请各站点重新登记（站点 haian-desk enrol request，本中心 hub enrol，站点 enrol accept）</source>
        <translation>This centre&apos;s sync keys are new: every station must enrol again (station: haian-desk enrol request; centre: hub enrol; station: enrol accept)</translation>
    </message>
    <message>
        <source>恢复申请已写到 {out}；本机新密钥指纹 {fingerprint}（办理时可电话核对）</source>
        <translation>Recovery request written to {out}; this PC&apos;s new key fingerprint is {fingerprint} (may be checked by phone)</translation>
    </message>
    <message>
        <source>已重新批准 {unit_name}（{unit_code}），旧密钥作废；恢复答复已写到 {out}</source>
        <translation>Approved {unit_name} ({unit_code}) again and voided the old key; recovery answer written to {out}</translation>
    </message>
    <message>
        <source>电脑坏了：从镇中心（和最近的备份）恢复本站数据</source>
        <translation>PC broken: recover this station&apos;s data from the township centre (and the latest backup)</translation>
    </message>
    <message>
        <source>镇中心同步网址，如 http://192.168.1.10:8765</source>
        <translation>The township centre&apos;s sync address, e.g. http://192.168.1.10:8765</translation>
    </message>
    <message>
        <source>镇中心给的恢复答复文件</source>
        <translation>The recovery answer file from the township centre</translation>
    </message>
    <message>
        <source>新的管理员登录名（密码用环境变量 HAIAN_DESK_ADMIN_PASSWORD 提供）</source>
        <translation>New administrator user name (give the password in the HAIAN_DESK_ADMIN_PASSWORD environment variable)</translation>
    </message>
    <message>
        <source>本站最近的备份文件：镇中心没有的记录从这里补回</source>
        <translation>This station&apos;s latest backup file: records the township centre lacks are restored from it</translation>
    </message>
    <message>
        <source>镇中心用 https 时，它的证书文件</source>
        <translation>The township centre&apos;s certificate file, when it uses https</translation>
    </message>
    <message>
        <source>在新电脑上生成恢复申请文件，交给镇中心</source>
        <translation>On the new PC, make a recovery request file to give to the township centre</translation>
    </message>
    <message>
        <source>本站的12位区划代码</source>
        <translation>This station&apos;s 12-digit division code</translation>
    </message>
    <message>
        <source>镇中心恢复时：本镇的9位区划代码（向县级中心申请）</source>
        <translation>when restoring a township centre: the township&apos;s 9-digit division code (asked of the county centre)</translation>
    </message>
    <message>
        <source>为电脑损坏的站点重新批准：换新密钥，写恢复答复</source>
        <translation>Approve again a station whose PC broke: take its new key, write the recovery answer</translation>
    </message>
    <message>
        <source>站点新电脑生成的恢复申请文件</source>
        <translation>The recovery request file made on the station&apos;s new PC</translation>
    </message>
    <message>
        <source>办理人（本中心管理员）的登录名</source>
        <translation>User name of whoever handles it (an administrator of this centre)</translation>
    </message>
    <message>
        <source>写进答复的本中心网址</source>
        <translation>This centre&apos;s address to put in the answer</translation>
    </message>
    <message>
        <source>已导出 Excel：{path}</source>
        <translation>Exported Excel: {path}</translation>
    </message>
    <message>
        <source>已导出 PDF：{path}</source>
        <translation>Exported PDF: {path}</translation>
    </message>
    <message>
        <source>{unit}  {title}（{first} 至 {last}）</source>
        <translation>{unit}  {title} ({first} to {last})</translation>
    </message>
    <message>
        <source>考核统计：按代理员、代理站、镇（街道）出数</source>
        <translation>Assessment figures by cadre, station and township</translation>
    </message>
    <message>
        <source>考核期：{forms}</source>
        <translation>Assessment period: {forms}</translation>
    </message>
    <message>
        <source>只出这一级（默认各级都出）</source>
        <translation>Only this level (default: every level)</translation>
    </message>
    <message>
        <source>导出 Excel 文件（每级一张工作表）</source>
        <translation>Export an Excel file (one sheet per level)</translation>
    </message>
    <message>
        <source>导出带图表的 PDF 报告</source>
        <translation>Export a PDF report with charts</translation>
    </message>
    <message>
        <source>
【{level}】</source>
        <translation>
[{level}]</translation>
    </message>
    <message>
        <source>代码/名称	登记	办结	按时办结率	满意率	差评	超期未办结</source>
        <translation>Code/name	Registered	Completed	On time	Satisfied	Bad ratings	Overdue, open</translation>
    </message>
    <message>
        <source>打开桌面程序（默认）</source>
        <translation>Open the desktop program (default)</translation>
    </message>
    <message>
        <source>打开县、市、省中心的 PostgreSQL 数据库，如 postgresql://用户@主机/库名（也可用环境变量 {env}）；--data-dir 只存本机的界面偏好</source>
        <translation>open a county, city or province hub&apos;s PostgreSQL database, e.g. postgresql://user@host/dbname (or the environment variable {env}); --data-dir then keeps only this PC&apos;s display preferences</translation>
    </message>
    <message>
        <source>已保存{title}（{paper}）：{where}</source>
        <translation>Saved {title} ({paper}): {where}</translation>
    </message>
    <message>
        <source>已打印{title}（{paper}）：{where}</source>
        <translation>Printed {title} ({paper}): {where}</translation>
    </message>
    <message>
        <source>打印办件文书（回执、告知单、委托书），或另存为PDF</source>
        <translation>Print a case&apos;s papers (receipt, notices, authorisation) or save them as PDF</translation>
    </message>
    <message>
        <source>办件编号，如 102210-260304-001</source>
        <translation>Case number, e.g. 102210-260304-001</translation>
    </message>
    <message>
        <source>receipt 受理回执｜missing 补正告知单｜decline 不予受理告知书｜completion 办结告知单｜authorisation 授权委托书（默认 receipt）</source>
        <translation>receipt: acceptance receipt | missing: notice of missing materials | decline: notice of refusal | completion: completion notice | authorisation: authorisation form (default: receipt)</translation>
    </message>
    <message>
        <source>纸张：{papers}（默认用本站设置）</source>
        <translation>Paper: {papers} (default: the station&apos;s setting)</translation>
    </message>
    <message>
        <source>回执下方带存根（默认用本站设置）</source>
        <translation>Print a stub below the receipt (default: the station&apos;s setting)</translation>
    </message>
    <message>
        <source>另存为PDF文件；不写就送到默认打印机</source>
        <translation>Save as a PDF file; if left out, send to the default printer</translation>
    </message>
    <message>
        <source>打印人的登录名（记入办件历史）</source>
        <translation>User name of whoever prints (kept in the case history)</translation>
    </message>
    <message>
        <source>打印本站的群众事务代理公示牌</source>
        <translation>Print this station&apos;s public board of proxy services</translation>
    </message>
    <message>
        <source>纸张：a4|a3（默认 a4）</source>
        <translation>Paper: a4|a3 (default a4)</translation>
    </message>
    <message>
        <source>打印快捷键卡（A4，受理和办件的按键）</source>
        <translation>Print the shortcut card (A4, keys for intake and handling cases)</translation>
    </message>
    <message>
        <source>经 {url} 送到镇中心：{summary}</source>
        <translation>Sent to the township centre via {url}: {summary}</translation>
    </message>
    <message>
        <source>自检：在临时目录里建站、受理、打印回执、备份、同步，检查本机安装是否完好</source>
        <translation>Self-test: set up a station in a temporary folder, take in a case, print a receipt, back up and sync, to check this installation works</translation>
    </message>
    <message>
        <source>保留临时目录（排查问题用）</source>
        <translation>Keep the temporary folder (for troubleshooting)</translation>
    </message>
    <message>
        <source>反映3组道路破损，雨天积水</source>
        <translation>The road in group 3 is broken and floods when it rains</translation>
    </message>
</context>
<context>
    <name>CadreForm</name>
    <message>
        <source>如：仲维国</source>
        <translation>e.g. Zhong Weiguo</translation>
    </message>
    <message>
        <source>公示牌上的电话，如 13906271000 或 0513-88551234</source>
        <translation>The phone on the public board, e.g. 13906271000 or 0513-88551234</translation>
    </message>
    <message>
        <source>如：村党总支书记（可不填）</source>
        <translation>e.g. Village Party branch secretary (optional)</translation>
    </message>
    <message>
        <source>如：一组、二组</source>
        <translation>e.g. Group 1, Group 2</translation>
    </message>
    <message>
        <source>中共党员(&amp;D)</source>
        <translation>CPC member (&amp;D)</translation>
    </message>
    <message>
        <source>如 2026-03-04；不填为今天</source>
        <translation>e.g. 2026-03-04; empty means today</translation>
    </message>
    <message>
        <source>如：民政救助、社保医保</source>
        <translation>e.g. civil assistance, social and medical insurance</translation>
    </message>
    <message>
        <source>上公示牌(&amp;B)</source>
        <translation>On the public &amp;board</translation>
    </message>
    <message>
        <source>姓名(&amp;M)</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>角色(&amp;J)</source>
        <translation>Role (&amp;J)</translation>
    </message>
    <message>
        <source>负责片区(&amp;Q)</source>
        <translation>Area (&amp;Q)</translation>
    </message>
    <message>
        <source>职务(&amp;Z)</source>
        <translation>Post (&amp;Z)</translation>
    </message>
    <message>
        <source>到任日期(&amp;F)</source>
        <translation>In office &amp;from</translation>
    </message>
    <message>
        <source>服务事项(&amp;I)</source>
        <translation>Services (&amp;I)</translation>
    </message>
</context>
<context>
    <name>CadresPage</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>负责片区</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>任期</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>显示已离任(&amp;L)</source>
        <translation>Show those who &amp;left</translation>
    </message>
    <message>
        <source>新增代理员(&amp;N)</source>
        <translation>&amp;New cadre</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>离任(&amp;R)…</source>
        <translation>Leaves office (&amp;R)…</translation>
    </message>
    <message>
        <source>恢复在任(&amp;E)</source>
        <translation>Back in offic&amp;e</translation>
    </message>
    <message>
        <source>本站代理员名录：公示牌上的姓名和电话来自这里。</source>
        <translation>This station&apos;s cadre roster: the names and phones on the public board come from here.</translation>
    </message>
    <message>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <source>今</source>
        <translation>now</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>在任</source>
        <translation>In office</translation>
    </message>
    <message>
        <source>已离任</source>
        <translation>Left office</translation>
    </message>
    <message>
        <source>共 {0} 位</source>
        <translation>{0} in all</translation>
    </message>
    <message>
        <source>修改：{0}</source>
        <translation>Editing: {0}</translation>
    </message>
    <message>
        <source>（{0}离任{1}）</source>
        <translation>(left office {0}{1})</translation>
    </message>
    <message>
        <source>新增代理员</source>
        <translation>New cadre</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>请先在名录里选中一位在任的代理员</source>
        <translation>First select a cadre in office in the roster</translation>
    </message>
    <message>
        <source>已记为离任，已从公示牌撤下。</source>
        <translation>Recorded as left office and taken off the public board.</translation>
    </message>
    <message>
        <source>已恢复在任。</source>
        <translation>Back in office.</translation>
    </message>
    <message>
        <source>本站代理员</source>
        <translation>This station&apos;s cadres</translation>
    </message>
    <message>
        <source>公示牌公布代理员的姓名和电话；受理登记要选首问责任人。</source>
        <translation>The public board shows the cadres&apos; names and phones; intake needs a first-contact cadre.</translation>
    </message>
    <message>
        <source>先填您自己，管理员账号将关联到您。
其他代理员可以一并填，也可以以后在“代理员”页（Ctrl+F4）添加。</source>
        <translation>Start with yourself: the administrator account will be linked to you.
Other cadres can be added now too, or later on the “Cadres” page (Ctrl+F4).</translation>
    </message>
    <message>
        <source>添加一行(&amp;A)</source>
        <translation>&amp;Add a row</translation>
    </message>
    <message>
        <source>其他代理员(&amp;O)：</source>
        <translation>&amp;Other cadres:</translation>
    </message>
    <message>
        <source>其他代理员第{0}行：{1}</source>
        <translation>Other cadres, row {0}: {1}</translation>
    </message>
    <message>
        <source>{0}填了两次，请删去一行</source>
        <translation>{0} is entered twice; delete one row</translation>
    </message>
    <message>
        <source>代理员：{0} 位（管理员账号关联到 {1}，电话 {2}）</source>
        <translation>Cadres: {0} (the administrator account is linked to {1}, phone {2})</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>办结时限按工作日历计算：周末和法定节假日不计，调休上班的日子照常计算。还没有公布放假安排的年份暂只按周末计算，公布后（同步收到或导入文件）会自动重算在办事项的时限，并记入办件记录。</source>
        <translation>Deadlines follow the working calendar: weekends and public holidays are not counted, make-up working days are. For a year whose holiday schedule is not published yet only weekends are counted; once it arrives (by sync or an imported file) the deadlines of open matters are recounted by themselves and noted in their history.</translation>
    </message>
    <message>
        <source>设定(&amp;S)</source>
        <translation>&amp;Set</translation>
    </message>
    <message>
        <source>本县一般事项48小时：</source>
        <translation>General matters&apos; 48 hours in this county:</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>局部调整</source>
        <translation>Local adjustment</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>导入放假安排文件(&amp;I)…</source>
        <translation>&amp;Import a holiday schedule file…</translation>
    </message>
    <message>
        <source>一般事项：{0}（县里统一设定）</source>
        <translation>General matters: {0} (set by the county)</translation>
    </message>
    <message>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>{0}天</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <source>{0}年放假安排尚未公布，暂只按周末计算</source>
        <translation>The {0} holiday schedule is not published yet; only weekends are counted for now</translation>
    </message>
    <message>
        <source>已设定，今后受理的事项按此计算。</source>
        <translation>Set; matters accepted from now on are counted this way.</translation>
    </message>
    <message>
        <source>选择放假安排文件</source>
        <translation>Choose a holiday schedule file</translation>
    </message>
    <message>
        <source>放假安排 (*.csv *.json);;所有文件 (*)</source>
        <translation>Holiday schedules (*.csv *.json);;All files (*)</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已导入{0}（{1}）。</source>
        <translation>Imported {0} ({1}).</translation>
    </message>
    <message>
        <source>按新日历重算了{0}件办件的办结时限。</source>
        <translation>Deadlines of {0} cases were recounted by the new calendar.</translation>
    </message>
    <message>
        <source>没有导入：{0}</source>
        <translation>Not imported: {0}</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>不予受理的理由</source>
        <translation>Reason for declining</translation>
    </message>
    <message>
        <source>群众可以怎么办（其他途径）</source>
        <translation>What the villager can do instead</translation>
    </message>
    <message>
        <source>例如：请本人携身份证到镇便民服务中心办理</source>
        <translation>e.g. go in person with the ID card to the township service centre</translation>
    </message>
    <message>
        <source>缺少的材料（须一次性全部告知）</source>
        <translation>Missing materials (list them all at once)</translation>
    </message>
    <message>
        <source>群众补交的材料</source>
        <translation>Materials handed in</translation>
    </message>
    <message>
        <source>委托代理的范围</source>
        <translation>Scope of the authorisation</translation>
    </message>
    <message>
        <source>群众已签署书面授权委托书</source>
        <translation>The villager has signed a written authorisation</translation>
    </message>
    <message>
        <source>委托日期</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <source>签字日期</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>转往</source>
        <translation>Transfer to</translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>例如：曲塘镇代理中心、海安市民政局</source>
        <translation>e.g. 曲塘镇代理中心, 海安市民政局</translation>
    </message>
    <message>
        <source>转办理由</source>
        <translation>Reason for transfer</translation>
    </message>
    <message>
        <source>上级办理情况</source>
        <translation>What the higher level did</translation>
    </message>
    <message>
        <source>参加会办的单位（每行一个）</source>
        <translation>Units taking part (one per line)</translation>
    </message>
    <message>
        <source>会办情况</source>
        <translation>Joint handling notes</translation>
    </message>
    <message>
        <source>暂停计时的理由</source>
        <translation>Reason for pausing the clock</translation>
    </message>
    <message>
        <source>例如：鉴定、检测、公示期间依规不计时</source>
        <translation>e.g. appraisal, testing or public notice periods do not count</translation>
    </message>
    <message>
        <source>说明（可不填）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>结果说明（未获批准的须写明理由）</source>
        <translation>About the result (give the reasons if refused)</translation>
    </message>
    <message>
        <source>告知方式</source>
        <translation>How the villager was told</translation>
    </message>
    <message>
        <source>群众的评价</source>
        <translation>The villager&apos;s rating</translation>
    </message>
    <message>
        <source>原因（不满意、非常不满意时必填）</source>
        <translation>Reason (required for dissatisfied ratings)</translation>
    </message>
    <message>
        <source>回访情况</source>
        <translation>Return visit notes</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>What was put right</translation>
    </message>
    <message>
        <source>撤回的原因</source>
        <translation>Reason for withdrawal</translation>
    </message>
    <message>
        <source>重新办理的原因</source>
        <translation>Reason for reopening</translation>
    </message>
    <message>
        <source>受理后开始计时：一般事项48小时内办结，事项有法定时限的按其时限。</source>
        <translation>The clock starts at acceptance: general matters within 48 hours; matters with a statutory limit keep that limit.</translation>
    </message>
    <message>
        <source>不予受理须告诉群众理由和其他办理途径。</source>
        <translation>When declining, tell the villager why and where else to go.</translation>
    </message>
    <message>
        <source>把缺少的材料一次列全：以后不能再追加新的补正要求。</source>
        <translation>List every missing material now: no further requests can be added later.</translation>
    </message>
    <message>
        <source>群众在打印的授权委托书上签字后登记；签字后才能受理。</source>
        <translation>Record this once the villager has signed the printed authorisation form; the case can be accepted only after signing.</translation>
    </message>
    <message>
        <source>暂停期间不计入办理时限，恢复计时后期限顺延。</source>
        <translation>Paused time does not count; the deadline moves on when the clock resumes.</translation>
    </message>
    <message>
        <source>办结后请立即告知群众并请其评价。</source>
        <translation>Once completed, tell the villager at once and ask for a rating.</translation>
    </message>
    <message>
        <source>每件事只评价一次。不满意的，由经办人回访并整改。</source>
        <translation>Each matter is rated once. Dissatisfied ratings are followed by a return visit and putting things right.</translation>
    </message>
    <message>
        <source>撤回后办件结束，不再计时。</source>
        <translation>A withdrawn case ends and is no longer timed.</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>— 请选择 —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>其他材料，每行一项</source>
        <translation>Other materials, one per line</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>办件详情</source>
        <translation>Case details</translation>
    </message>
    <message>
        <source>正在读取办件…</source>
        <translation>Reading the case…</translation>
    </message>
    <message>
        <source>现在可以办理</source>
        <translation>What can be done now</translation>
    </message>
    <message>
        <source>群众</source>
        <translation>Villager</translation>
    </message>
    <message>
        <source>显示完整号码（Alt+V）</source>
        <translation>Show full numbers (Alt+V)</translation>
    </message>
    <message>
        <source>身份证号和电话平时遮挡显示，防止旁人看到；需要时再显示</source>
        <translation>ID numbers and phones are partly hidden so others cannot read them; show them when needed</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>经办</source>
        <translation>By</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>办理经过</source>
        <translation>History</translation>
    </message>
    <message>
        <source>办件 {0}</source>
        <translation>Case {0}</translation>
    </message>
    <message>
        <source>（只计工作日）</source>
        <translation> (working days only)</translation>
    </message>
    <message>
        <source>；{0}年放假安排尚未公布，暂只按周末计算，公布后自动重算</source>
        <translation>; the {0} holiday schedule is not published yet, so only weekends are counted; it is recounted by itself once published</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>办结期限 {0}</source>
        <translation>Deadline {0}</translation>
    </message>
    <message>
        <source>无办结期限</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>遮挡号码（Alt+V）</source>
        <translation>Hide numbers (Alt+V)</translation>
    </message>
    <message>
        <source>{0}（{1}级办理）</source>
        <translation>{0} (handled at {1} level)</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>办理路径</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>诉求内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>受理渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>已收材料</source>
        <translation>Materials received</translation>
    </message>
    <message>
        <source>待补材料</source>
        <translation>Materials missing</translation>
    </message>
    <message>
        <source>授权委托</source>
        <translation>Authorisation</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation>First-contact cadre</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>现在在</source>
        <translation>Now with</translation>
    </message>
    <message>
        <source>会办单位</source>
        <translation>Joint units</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>告知群众</source>
        <translation>Villager told</translation>
    </message>
    <message>
        <source>群众评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>结束原因</source>
        <translation>Why it ended</translation>
    </message>
    <message>
        <source>久拖不决/历史遗留</source>
        <translation>Long-standing / inherited</translation>
    </message>
    <message>
        <source>信访</source>
        <translation>Petition</translation>
    </message>
    <message>
        <source>差评待回访整改</source>
        <translation>Bad rating to follow up</translation>
    </message>
    <message>
        <source>已签书面委托书</source>
        <translation>Written authorisation signed</translation>
    </message>
    <message>
        <source>未签书面委托书</source>
        <translation>No written authorisation</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>该办件已结束，无需再办理</source>
        <translation>This case has ended; nothing more to do</translation>
    </message>
</context>
<context>
    <name>CaseQueueModel</name>
    <message>
        <source>编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>群众</source>
        <translation>Villager</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>事项 / 内容</source>
        <translation>Matter / details</translation>
    </message>
    <message>
        <source>状态与时限</source>
        <translation>Status and time</translation>
    </message>
    <message>
        <source>办结期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>久拖不决</source>
        <translation>Long-standing</translation>
    </message>
    <message>
        <source>信访</source>
        <translation>Petition</translation>
    </message>
    <message>
        <source>差评待整改</source>
        <translation>Bad rating to follow up</translation>
    </message>
    <message>
        <source>点击表头按此列排序</source>
        <translation>Click a column title to sort by it</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>{0}小时</source>
        <translation>{0} hours</translation>
    </message>
    <message>
        <source>{0}天</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <source>{0}个工作日</source>
        <translation>{0} working days</translation>
    </message>
</context>
<context>
    <name>CatalogueItemDialog</name>
    <message>
        <source>修改事项</source>
        <translation>Edit item</translation>
    </message>
    <message>
        <source>新增事项</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>每行一项材料</source>
        <translation>One document per line</translation>
    </message>
    <message>
        <source>可以代办（不需本人到场）</source>
        <translation>Can be done by proxy (villager need not attend)</translation>
    </message>
    <message>
        <source>在用（取消勾选即停用）</source>
        <translation>In use (untick to retire)</translation>
    </message>
    <message>
        <source>保存为新版本(&amp;S)</source>
        <translation>&amp;Save as new version</translation>
    </message>
    <message>
        <source>编码(&amp;C)</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>名称(&amp;M)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>办理层级(&amp;L)</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <source>办理类型</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>办理流程</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>主管部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>所需材料</source>
        <translation>Documents needed</translation>
    </message>
    <message>
        <source>收费说明</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>检索词</source>
        <translation>Search words</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>输入事项名称、拼音或首字母查找（Ctrl+F）</source>
        <translation>Search by name, pinyin or initials (Ctrl+F)</translation>
    </message>
    <message>
        <source>含已停用</source>
        <translation>Include retired</translation>
    </message>
    <message>
        <source>修改(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>新增事项(&amp;N)</source>
        <translation>&amp;New item</translation>
    </message>
    <message>
        <source>只有管理员可以修改事项目录</source>
        <translation>Only an administrator can edit the catalogue</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>共 {0} 项</source>
        <translation>{0} items</translation>
    </message>
</context>
<context>
    <name>ComplaintsScreen</name>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>登记举报(&amp;N)…</source>
        <translation>&amp;New complaint…</translation>
    </message>
    <message>
        <source>记录核查…</source>
        <translation>Record findings…</translation>
    </message>
    <message>
        <source>办结…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>被举报代理员</source>
        <translation>Cadre complained about</translation>
    </message>
    <message>
        <source>涉及办件</source>
        <translation>Case concerned</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>举报人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>未办结的举报 {0} 件</source>
        <translation>{0} open complaints</translation>
    </message>
    <message>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>&lt;p&gt;选一件举报查看详情。&lt;/p&gt;</source>
        <translation>&lt;p&gt;Choose a complaint to see its details.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>按“完成”建站。建好后可在“设置”里查看本站信息。</source>
        <translation>Press Finish to create the station. Its details are shown under Settings afterwards.</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>需要核对的冲突</source>
        <translation>Conflicts to check</translation>
    </message>
    <message>
        <source>两级同时办理同一件事时（如站点和镇中心都办结了），系统按先后只采用一方，另一方没有生效。请核对双方的办理情况，写下裁定意见；裁定会记下是谁、什么时候作出的。</source>
        <translation>When two levels act on the same matter at once (say the station and the township centre both completed it), only one action takes effect, by order; the other does not. Compare what each side did and write down a ruling; the ruling records who made it and when.</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>受理站点</source>
        <translation>Receiving station</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>裁定意见：以哪一方为准、为什么、已告知谁</source>
        <translation>Ruling: which side stands, why, and who has been told</translation>
    </message>
    <message>
        <source>记录裁定(&amp;D)</source>
        <translation>Record &amp;decision</translation>
    </message>
    <message>
        <source>打开办件详情</source>
        <translation>Open case details</translation>
    </message>
    <message>
        <source>双方的办理情况</source>
        <translation>What each side did</translation>
    </message>
    <message>
        <source>{0} 处</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>没有需要核对的冲突。</source>
        <translation>No conflicts to check.</translation>
    </message>
    <message>
        <source>现在的记录按这一方</source>
        <translation>The record now follows this side</translation>
    </message>
    <message>
        <source>没能生效的一方</source>
        <translation>The side that did not take effect</translation>
    </message>
    <message>
        <source>第{0}处</source>
        <translation>Conflict {0}</translation>
    </message>
    <message>
        <source>没能生效的原因：{0}</source>
        <translation>Why it did not take effect: {0}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>已记录对 {0} 的裁定（{1}）。各方同步后冲突标记消除。</source>
        <translation>Ruling on {0} recorded ({1}). The conflict mark clears once everyone has synced.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>程序出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>刚才的操作没有完成</source>
        <translation>The last action did not finish</translation>
    </message>
    <message>
        <source>程序遇到了一个意外错误：{0}</source>
        <translation>The program ran into an unexpected error: {0}</translation>
    </message>
    <message>
        <source>已经保存的数据没有丢失：每一笔登记和办理，要么完整保存，要么完全没有保存。出错的这一步如果没有完成，请重做一遍。</source>
        <translation>Nothing that was saved has been lost: every registration and action is saved completely or not at all. If the step that failed did not finish, please do it again.</translation>
    </message>
    <message>
        <source>详细情况已写入日志文件：{0}</source>
        <translation>The details have been written to the log file: {0}</translation>
    </message>
    <message>
        <source>本次运行没有启用日志文件。</source>
        <translation>No log file is in use for this run.</translation>
    </message>
    <message>
        <source>数据库文件已损坏。请关闭程序后重新打开，按提示用最新的完好备份恢复；也可以运行 haian-desk restore --latest。</source>
        <translation>The database file is damaged. Close the program and open it again, then restore the newest good backup when asked; or run haian-desk restore --latest.</translation>
    </message>
    <message>
        <source>可以继续使用。如果反复出现，请点“复制详细信息”，粘贴发给技术支持。</source>
        <translation>You can carry on working. If this keeps happening, click “Copy details” and send them to technical support.</translation>
    </message>
    <message>
        <source>复制详细信息</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>显示详细信息</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>继续使用</source>
        <translation>Carry on</translation>
    </message>
    <message>
        <source>隐藏详细信息</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>这个错误又出现了 {0} 次。</source>
        <translation>This error happened {0} more times.</translation>
    </message>
</context>
<context>
    <name>DailyBackups</name>
    <message>
        <source>今天的自动备份没有做成（{0}），请检查磁盘空间</source>
        <translation>Today&apos;s automatic backup failed ({0}); please check the free disk space</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>数据库文件损坏</source>
        <translation>Database file damaged</translation>
    </message>
    <message>
        <source>本站的数据库文件损坏了，程序不能打开它。</source>
        <translation>This station&apos;s database file is damaged and the program cannot open it.</translation>
    </message>
    <message>
        <source>本站的备份要用本站口令才能打开。请在下面输入本站口令，程序用它找出最新的完好备份。</source>
        <translation>This station&apos;s backups open only with the station passphrase. Enter it below and the program will use it to find the newest good backup.</translation>
    </message>
    <message>
        <source>数据目录里没有可用的备份。请找到U盘上的备份，运行 haian-desk restore 备份文件名；或联系技术支持。</source>
        <translation>There is no usable backup in the data folder. Find a backup on a USB stick and run haian-desk restore BACKUP-FILE, or contact technical support.</translation>
    </message>
    <message>
        <source>最新的完好备份：{0}，备份于 {1}。</source>
        <translation>Newest good backup: {0}, taken {1}.</translation>
    </message>
    <message>
        <source>恢复后，备份之后登记的内容需要重新录入。损坏的文件不会删除，会移到 {0} 里留底。</source>
        <translation>After restoring, whatever was registered after the backup must be entered again. The damaged file is not deleted: it is kept in {0}.</translation>
    </message>
    <message>
        <source>用这个备份恢复</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>本站口令</source>
        <translation>Station passphrase</translation>
    </message>
    <message>
        <source>用口令查找备份(&amp;F)</source>
        <translation>&amp;Find backups with the passphrase</translation>
    </message>
    <message>
        <source>正在用口令查找备份……</source>
        <translation>Looking for backups with the passphrase…</translation>
    </message>
    <message>
        <source>这个口令打不开数据目录里的任何备份。请检查大小写和输入法后重新输入，或找U盘上的备份、联系镇代理中心。</source>
        <translation>This passphrase opens none of the backups in the data folder. Check upper and lower case and the input method and type it again, or find a backup on a USB stick, or contact the township centre.</translation>
    </message>
    <message>
        <source>正在恢复，请稍候……</source>
        <translation>Restoring, please wait…</translation>
    </message>
    <message>
        <source>恢复没有成功：{0}</source>
        <translation>The restore did not succeed: {0}</translation>
    </message>
</context>
<context>
    <name>DeadlineCounts</name>
    <message>
        <source>正在统计到期情况…</source>
        <translation>Counting deadlines…</translation>
    </message>
    <message>
        <source>超期 {0} 件</source>
        <translation>{0} overdue</translation>
    </message>
    <message>
        <source>即将到期 {0} 件</source>
        <translation>{0} due soon</translation>
    </message>
    <message>
        <source>到期情况暂时统计不出</source>
        <translation>Deadlines cannot be counted right now</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <source>结束结对：{0}</source>
        <translation>End pairing: {0}</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>例如：已脱困、已迁出本村</source>
        <translation>e.g. no longer in hardship, moved away</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>出现了意外错误：{0}
已记录在日志中，请告诉本站管理员。</source>
        <translation>Something unexpected went wrong: {0}
It has been written to the log; please tell the station administrator.</translation>
    </message>
    <message>
        <source>错误提示</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>记录座谈会反馈：{0}</source>
        <translation>Record feedback: {0}</translation>
    </message>
    <message>
        <source>群众意见</source>
        <translation>Villagers&apos; opinions</translation>
    </message>
    <message>
        <source>反馈内容</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>例如：路灯已列入本月维修计划，由村委会负责</source>
        <translation>e.g. the street light is on this month&apos;s repair plan, the village committee is in charge</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <source>举报办结</source>
        <translation>Close complaint</translation>
    </message>
    <message>
        <source>记录核查情况</source>
        <translation>Record findings</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>核查情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>处理措施</source>
        <translation>Measures taken</translation>
    </message>
</context>
<context>
    <name>ForwardDialog</name>
    <message>
        <source>转送 — {0}</source>
        <translation>Pass on — {0}</translation>
    </message>
    <message>
        <source>例如：海安市民政局</source>
        <translation>e.g. 海安市民政局</translation>
    </message>
    <message>
        <source>转送</source>
        <translation>Pass on</translation>
    </message>
    <message>
        <source>转往</source>
        <translation>Transfer to</translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>转送理由</source>
        <translation>Reason for passing on</translation>
    </message>
    <message>
        <source>转送后本中心继续跟踪，答复回来后办结或退回站点。</source>
        <translation>After passing it on, this centre keeps tracking it; when the answer comes back, complete it or return it to the station.</translation>
    </message>
</context>
<context>
    <name>HubPanel</name>
    <message>
        <source>同步服务</source>
        <translation>Sync service</translation>
    </message>
    <message>
        <source>0.0.0.0：局域网里的站点都能连；127.0.0.1：只给本机用</source>
        <translation>0.0.0.0: stations on the local network can connect; 127.0.0.1: this PC only</translation>
    </message>
    <message>
        <source>打开本程序时自动启动</source>
        <translation>Start when this program opens</translation>
    </message>
    <message>
        <source>启动同步服务</source>
        <translation>Start the sync service</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>监听地址</source>
        <translation>Listen address</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>同步服务没有运行：站点现在连不上本中心（U盘同步不受影响）。</source>
        <translation>The sync service is not running: stations cannot reach this centre now (USB sync still works).</translation>
    </message>
    <message>
        <source>正在启动同步服务…</source>
        <translation>Starting the sync service…</translation>
    </message>
    <message>
        <source>正在停止同步服务（正在接收的一批会先收完）…</source>
        <translation>Stopping the sync service (a batch being received is finished first)…</translation>
    </message>
    <message>
        <source>同步服务正在运行（由另一个程序运行，如 haian-desk hub serve），端口 {0}。</source>
        <translation>The sync service is running (in another program, such as haian-desk hub serve), port {0}.</translation>
    </message>
    <message>
        <source>同步服务没有启动起来：{0}</source>
        <translation>The sync service did not start: {0}</translation>
    </message>
    <message>
        <source>同步服务正在运行。站点填写的镇中心网址：{0}</source>
        <translation>The sync service is running. Stations enter this centre address: {0}</translation>
    </message>
</context>
<context>
    <name>HubSettingsPage</name>
    <message>
        <source>界面显示</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
</context>
<context>
    <name>HubWindow</name>
    <message>
        <source>中心数据库：{0}</source>
        <translation>Hub database: {0}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>表格文件 (*.xlsx *.xls *.ods *.csv *.txt);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>导入表格</source>
        <translation>Import a spreadsheet</translation>
    </message>
    <message>
        <source>导入文件</source>
        <translation>Import file</translation>
    </message>
    <message>
        <source>导入记录</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>请选择要导入的文件：Excel/WPS 表格（.xls、.xlsx）、.ods 或 .csv。</source>
        <translation>Choose the file to import: an Excel/WPS spreadsheet (.xls, .xlsx), .ods or .csv.</translation>
    </message>
    <message>
        <source>只看不导入的行(&amp;R)</source>
        <translation>Show only &amp;rows not imported</translation>
    </message>
    <message>
        <source>表头在第(&amp;H)</source>
        <translation>&amp;Header on row</translation>
    </message>
    <message>
        <source>行（读错了可以改）</source>
        <translation>(change it if it was read wrongly)</translation>
    </message>
    <message>
        <source>选择文件(&amp;F)…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <source>导入内容(&amp;K)：</source>
        <translation>What to import (&amp;K):</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>取消导入(&amp;C)</source>
        <translation>&amp;Cancel import</translation>
    </message>
    <message>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>正在读取和检查……</source>
        <translation>Reading and checking…</translation>
    </message>
    <message>
        <source>读取了工作表 {0}。请核对右边的预览：这就是导入后保存的样子。</source>
        <translation>Read sheet {0}. Check the preview on the right: this is what will be saved.</translation>
    </message>
    <message>
        <source>没有找到表头、未读取的工作表：{0}。</source>
        <translation>Sheets not read (no header found): {0}.</translation>
    </message>
    <message>
        <source>共 {0} 行：将新增 {1}，将更新 {2}，已存在不变 {3}，不导入 {4}</source>
        <translation>{0} rows: {1} to add, {2} to update, {3} unchanged, {4} not imported</translation>
    </message>
    <message>
        <source>这个文件不能导入。</source>
        <translation>This file cannot be imported.</translation>
    </message>
    <message>
        <source>第{0}行：{1}</source>
        <translation>Row {0}: {1}</translation>
    </message>
    <message>
        <source>导入完成：新增 {0}，更新 {1}，已存在不变 {2}，不导入 {3}。如需撤回，请到“导入记录”撤销这次导入。</source>
        <translation>Import done: {0} added, {1} updated, {2} unchanged, {3} not imported. To take it back, undo this import under “Import history”.</translation>
    </message>
    <message>
        <source>没有需要写入的内容（都已存在或不能导入）。</source>
        <translation>Nothing to write (everything exists already or cannot be imported).</translation>
    </message>
    <message>
        <source>导入已取消，没有写入任何数据。</source>
        <translation>Import cancelled; nothing was written.</translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>校验码</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>不变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>不导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>撤销所选导入(&amp;U)…</source>
        <translation>&amp;Undo the selected import…</translation>
    </message>
    <message>
        <source>将撤回这次导入新增和修改的全部记录（导入后又被改动过的记录保留不动）。确定撤销吗？</source>
        <translation>This takes back every record this import added or changed (records changed again since are kept). Undo it?</translation>
    </message>
    <message>
        <source>确定撤销(&amp;Y)</source>
        <translation>&amp;Yes, undo</translation>
    </message>
    <message>
        <source>不撤销(&amp;N)</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>已撤销 {0}</source>
        <translation>Undone {0}</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>In effect</translation>
    </message>
    <message>
        <source>已撤销：撤回 {0} 条记录。</source>
        <translation>Undone: {0} records taken back.</translation>
    </message>
    <message>
        <source>以下 {0} 条导入后被改动过，保留未动：</source>
        <translation>These {0} were changed after the import and were kept:</translation>
    </message>
    <message>
        <source>第{0}行（{1}）</source>
        <translation>Row {0} ({1})</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>待接收</source>
        <translation>To accept</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已转县或部门</source>
        <translation>Passed to county or department</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>受理站点</source>
        <translation>Receiving station</translation>
    </message>
    <message>
        <source>镇（街道）代理中心</source>
        <translation>Township centre</translation>
    </message>
    <message>
        <source>县级代理中心</source>
        <translation>County centre</translation>
    </message>
    <message>
        <source>站点上报到本中心的事项</source>
        <translation>Matters reported to this centre by stations</translation>
    </message>
    <message>
        <source>已转部门</source>
        <translation>Passed to department</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>站点</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>群众</source>
        <translation>Villager</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>状态与时限</source>
        <translation>Status and time</translation>
    </message>
    <message>
        <source>上报时间</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>本中心接收</source>
        <translation>Accepted here</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>现在在</source>
        <translation>Now with</translation>
    </message>
    <message>
        <source>接收(&amp;A)</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>指定经办人</source>
        <translation>Assign handler</translation>
    </message>
    <message>
        <source>联动会办</source>
        <translation>Joint handling</translation>
    </message>
    <message>
        <source>办结(&amp;C)</source>
        <translation>&amp;Complete</translation>
    </message>
    <message>
        <source>转送县或部门</source>
        <translation>Forward up</translation>
    </message>
    <message>
        <source>转送部门</source>
        <translation>To department</translation>
    </message>
    <message>
        <source>退回站点</source>
        <translation>Return to station</translation>
    </message>
    <message>
        <source>退回下级</source>
        <translation>Return down</translation>
    </message>
    <message>
        <source>打开详情</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>共 {0} 件</source>
        <translation>{0} cases</translation>
    </message>
    <message>
        <source>本中心</source>
        <translation>This centre</translation>
    </message>
    <message>
        <source>未接收</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>已接收 {0}（{1}）。站点同步后会看到“镇中心已接收”。</source>
        <translation>Accepted {0} ({1}). The station sees “accepted by the township centre” after its next sync.</translation>
    </message>
    <message>
        <source>已接收 {0}（{1}）。镇中心和站点同步后会看到本中心已接收。</source>
        <translation>Accepted {0} ({1}). The township centre and the station see that this centre accepted it after their next sync.</translation>
    </message>
    <message>
        <source>已记录：{0} {1}。站点同步后会看到。</source>
        <translation>Recorded: {0} {1}. The station sees it after its next sync.</translation>
    </message>
    <message>
        <source>已把 {0} 转送到 {1}；答复回来后在“已转县或部门”里办结或退回站点。</source>
        <translation>Passed {0} to {1}; when the answer comes back, complete it or return it to the station under “Passed to county or department”.</translation>
    </message>
    <message>
        <source>已把 {0} 退回{1}；对方同步后会看到办理情况。</source>
        <translation>Returned {0} to {1}; they see what was done after their next sync.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>登记（Ctrl+S）</source>
        <translation>Register (Ctrl+S)</translation>
    </message>
    <message>
        <source>保存这次登记（Ctrl+S 或 Ctrl+Enter）</source>
        <translation>Save this intake (Ctrl+S or Ctrl+Enter)</translation>
    </message>
    <message>
        <source>＋ 新建群众“{0}”（Alt+N）</source>
        <translation>+ New villager “{0}” (Alt+N)</translation>
    </message>
    <message>
        <source>输入姓名、拼音、首字母、身份证号或电话查找（Ctrl+F）</source>
        <translation>Search by name, pinyin, initials, ID number or phone (Ctrl+F)</translation>
    </message>
    <message>
        <source>群众要办什么事、反映什么问题，用群众的话简要写明</source>
        <translation>What the villager wants done or reports, briefly in their own words</translation>
    </message>
    <message>
        <source>久拖不决 / 历史遗留问题</source>
        <translation>Long-standing / inherited problem</translation>
    </message>
    <message>
        <source>涉及信访</source>
        <translation>Involves a petition</translation>
    </message>
    <message>
        <source>首问负责：谁接待群众，谁就负责到底</source>
        <translation>First contact is responsible: whoever receives the villager sees it through</translation>
    </message>
    <message>
        <source>接着填（Alt+R）</source>
        <translation>Carry on (Alt+R)</translation>
    </message>
    <message>
        <source>不要了</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>请把编号告诉群众。按 F3 到“办件”查看；接着登记下一位群众，直接输入即可。</source>
        <translation>Tell the villager this number. Press F3 to see it in Cases; to register the next villager, just start typing.</translation>
    </message>
    <message>
        <source>① 群众</source>
        <translation>① Villager</translation>
    </message>
    <message>
        <source>② 服务类型（Alt+1 / Alt+2 / Alt+3）</source>
        <translation>② Kind of service (Alt+1 / Alt+2 / Alt+3)</translation>
    </message>
    <message>
        <source>③ 代办事项</source>
        <translation>③ Errand</translation>
    </message>
    <message>
        <source>③ 授权委托</source>
        <translation>③ Authorisation</translation>
    </message>
    <message>
        <source>受理渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation>First-contact cadre</translation>
    </message>
    <message>
        <source>④ 诉求内容与登记信息</source>
        <translation>④ Details and registration</translation>
    </message>
    <message>
        <source>— 请选择首问责任人 —</source>
        <translation>— choose the first-contact cadre —</translation>
    </message>
    <message>
        <source>已选：{0}</source>
        <translation>Chosen: {0}</translation>
    </message>
    <message>
        <source>已登记，状态：{0}。办件编号：</source>
        <translation>Registered, status: {0}. Case number:</translation>
    </message>
    <message>
        <source>上次有一份没登记完的受理单（{0} 自动保存）：{1}。要接着填吗？</source>
        <translation>An unfinished intake was saved automatically at {0}: {1}. Carry on with it?</translation>
    </message>
    <message>
        <source>未填内容</source>
        <translation>no details yet</translation>
    </message>
</context>
<context>
    <name>IntakeQuestions</name>
    <message>
        <source>这位群众已有相同的事项尚未办结，可能是重复登记：</source>
        <translation>This villager already has the same matter open; this may be a duplicate:</translation>
    </message>
    <message>
        <source>{0} 登记，{1}</source>
        <translation>registered {0}, {1}</translation>
    </message>
    <message>
        <source>可能重复登记</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>打开已有办件（Enter）</source>
        <translation>Open the existing case (Enter)</translation>
    </message>
    <message>
        <source>仍然登记（Alt+G）</source>
        <translation>Register anyway (Alt+G)</translation>
    </message>
    <message>
        <source>返回（Esc）</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <source>以下材料没有勾选为已收：
{0}

登记为“待补正”，并打印补正材料告知单（一次性告知）吗？</source>
        <translation>These materials are not ticked as received:
{0}

Register it as “awaiting materials” and print the notice of missing materials (all listed at once)?</translation>
    </message>
    <message>
        <source>材料不齐</source>
        <translation>Materials missing</translation>
    </message>
    <message>
        <source>待补正并打印告知单（Enter）</source>
        <translation>Await materials and print the notice (Enter)</translation>
    </message>
    <message>
        <source>材料已齐，照常受理（Alt+G）</source>
        <translation>Materials complete, accept as usual (Alt+G)</translation>
    </message>
    <message>
        <source>返回勾选（Esc）</source>
        <translation>Back to ticking (Esc)</translation>
    </message>
</context>
<context>
    <name>InterfaceTab</name>
    <message>
        <source>长辈模式：所有文字都放大(&amp;L)</source>
        <translation>&amp;Large print: make all text bigger</translation>
    </message>
    <message>
        <source>长辈模式适合视力不好的同志。更改后按“应用”，窗口会按新设置重新打开，已填写的内容不会丢失。</source>
        <translation>Large print helps colleagues whose eyesight is poor. After a change press Apply: the window reopens with the new settings and nothing you have typed is lost.</translation>
    </message>
    <message>
        <source>应用(&amp;A)</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>界面语言(&amp;Y)</source>
        <translation>Lang&amp;uage</translation>
    </message>
</context>
<context>
    <name>ItemDetail</name>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>办理层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>办理流程</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>主管部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>所需材料</source>
        <translation>Documents needed</translation>
    </message>
    <message>
        <source>收费说明</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>代办</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>当前版本</source>
        <translation>Current version</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>（已停用）</source>
        <translation> (retired)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>代理服务免费</source>
        <translation>Proxy service is free</translation>
    </message>
    <message>
        <source>可以代办</source>
        <translation>Can be done by proxy</translation>
    </message>
    <message>
        <source>须本人到场，只能引导</source>
        <translation>The villager must attend in person; we can only guide</translation>
    </message>
    <message>
        <source>第 {0} 版，{1} 由 {2} 修改</source>
        <translation>Version {0}, changed {1} by {2}</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
</context>
<context>
    <name>KeyboardCard</name>
    <message>
        <source>做什么</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>办理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>受理登记；光标在“群众”一栏</source>
        <translation>Intake; the cursor is in “Villager”</translation>
    </message>
    <message>
        <source>按拼音首字母、姓名、身份证号或电话后几位查找群众</source>
        <translation>Find the villager by pinyin initials, name, ID number or the last digits of the phone</translation>
    </message>
    <message>
        <source>选中查到的第一位；↓ 在结果里挑</source>
        <translation>Pick the first found; ↓ to choose among the results</translation>
    </message>
    <message>
        <source>名册里没有：新建群众（身份证号填完自动跳到电话；Enter 登记此人，或直接 Ctrl+S 连同事项一起登记）</source>
        <translation>Not in the roster: new villager (after the ID number the cursor jumps to the phone; Enter registers the person, or Ctrl+S registers them together with the matter)</translation>
    </message>
    <message>
        <source>民意代言 / 事务代办 / 诉求代理</source>
        <translation>Opinion / errand / claim</translation>
    </message>
    <message>
        <source>事务代办：按名称或拼音查事项并选中</source>
        <translation>Errand: find the matter by name or pinyin and pick it</translation>
    </message>
    <message>
        <source>勾选已收的材料</source>
        <translation>Tick the materials received</translation>
    </message>
    <message>
        <source>到下一栏（诉求内容、受理渠道……）</source>
        <translation>Next field (request, channel …)</translation>
    </message>
    <message>
        <source>紧急事项（登记时约定办结时限）</source>
        <translation>Urgent (agree the deadline at registration)</translation>
    </message>
    <message>
        <source>登记；缺的栏目一次全部标红，光标停在第一处</source>
        <translation>Register; every missing field is marked at once and the cursor goes to the first</translation>
    </message>
    <message>
        <source>可能重复登记：打开已有办件 ／ 材料不齐：待补正并立即打印补正材料告知单</source>
        <translation>Possible duplicate: open the existing case / materials missing: await materials and print the notice at once</translation>
    </message>
    <message>
        <source>可能重复登记：仍然登记新的 ／ 材料不齐：照常受理</source>
        <translation>Possible duplicate: register a new one anyway / materials missing: accept as usual</translation>
    </message>
    <message>
        <source>打印回执（诉求代理连同授权委托书，请群众当场签字） ／ 先预览</source>
        <translation>Print the receipt (for a claim with the authorisation form, signed at the counter) / preview first</translation>
    </message>
    <message>
        <source>办件列表；光标在搜索框</source>
        <translation>Case list; the cursor is in the search box</translation>
    </message>
    <message>
        <source>从搜索框进入列表（Enter 先搜索）</source>
        <translation>From the search box into the list (Enter searches first)</translation>
    </message>
    <message>
        <source>打开选中的办件</source>
        <translation>Open the selected case</translation>
    </message>
    <message>
        <source>我的 / 即将到期 / 已超期</source>
        <translation>Mine / due soon / overdue</translation>
    </message>
    <message>
        <source>办件详情里：办理光标所在的按钮（打开时光标在下一步上）</source>
        <translation>In a case: press the focused button (it opens on the next step)</translation>
    </message>
    <message>
        <source>办件详情里：办理按钮 → 打印 → 显示完整号码 → 办理经过，循环</source>
        <translation>In a case: action buttons → print → show full numbers → history, round again</translation>
    </message>
    <message>
        <source>办件详情里：打印菜单 ／ 显示或遮挡完整的身份证号和电话</source>
        <translation>In a case: print menu / show or hide the full ID number and phone</translation>
    </message>
    <message>
        <source>办理窗口里：确定 ／ 取消（已填的内容保留）</source>
        <translation>In an action form: OK / cancel (what was typed is kept)</translation>
    </message>
    <message>
        <source>快捷键卡 — 受理和办件</source>
        <translation>Keyboard card — intake and cases</translation>
    </message>
    <message>
        <source>各个页面</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>受理登记</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>办件列表和办件详情</source>
        <translation>Case list and case detail</translation>
    </message>
    <message>
        <source>办件详情：每个办理动作的按键（按钮上也写着）</source>
        <translation>Case detail: the key of each action (also shown on its button)</translation>
    </message>
    <message>
        <source>中文用输入法照常输入；全角数字也能认。</source>
        <translation>Type Chinese with the input method as usual; full-width digits are understood.</translation>
    </message>
</context>
<context>
    <name>KindChoice</name>
    <message>
        <source>意见建议，代为反映</source>
        <translation>Opinions, passed on</translation>
    </message>
    <message>
        <source>证照申请，代为办理</source>
        <translation>Paperwork, done for them</translation>
    </message>
    <message>
        <source>合法诉求，授权代理</source>
        <translation>Claims, by authorisation</translation>
    </message>
    <message>
        <source>{0}：{1}（快捷键 {2}）</source>
        <translation>{0}: {1} (shortcut {2})</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>已锁定 — 海安群众事务代理工作台</source>
        <translation>Locked — Haian Desk</translation>
    </message>
    <message>
        <source>工作台已锁定</source>
        <translation>The desk is locked</translation>
    </message>
    <message>
        <source>{0} 离开后无人操作，为保护群众信息已自动锁定。请输入密码继续。</source>
        <translation>Nobody has used the desk since {0} left, so it locked itself to protect villagers&apos; data. Enter the password to go on.</translation>
    </message>
    <message>
        <source>{0} 的密码</source>
        <translation>Password of {0}</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>换人登录</source>
        <translation>Log in as someone else</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 — 海安群众事务代理工作台</source>
        <translation>Log in — Haian Desk</translation>
    </message>
    <message>
        <source>单位代码 {0}</source>
        <translation>Unit code {0}</translation>
    </message>
    <message>
        <source>正在打开本站数据……</source>
        <translation>Opening the station&apos;s data…</translation>
    </message>
    <message>
        <source>登录名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>请填写登录名</source>
        <translation>Please enter your user name</translation>
    </message>
    <message>
        <source>正在打开本站数据，请稍候……</source>
        <translation>Opening the station&apos;s data, please wait…</translation>
    </message>
    <message>
        <source>{0}，身份：{1}</source>
        <translation>{0}, role: {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>海安群众事务代理工作台</source>
        <translation>Haian Desk</translation>
    </message>
    <message>
        <source>{0}（快捷键 {1}）</source>
        <translation>{0} (shortcut {1})</translation>
    </message>
    <message>
        <source>工作台(&amp;W)</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <source>导入(&amp;I)…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>退出登录(&amp;L)</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>退出程序(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>快捷键卡（打印）(&amp;K)</source>
        <translation>&amp;Keyboard card (print)</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>办件详情</source>
        <translation>Case details</translation>
    </message>
    <message>
        <source>办件详情窗口还在建设中。</source>
        <translation>The case details window is not ready yet.</translation>
    </message>
    <message>
        <source>已登记办件 {0}，按 F3 到“办件”查看</source>
        <translation>Case {0} registered; press F3 to see it in Cases</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>海安群众事务代理工作台 {0}
为群众无偿代理：民意代言、事务代办、诉求代理。</source>
        <translation>Haian Desk {0}
Free proxy service for villagers: opinions, errands and claims.</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>文件中的表头</source>
        <translation>Header in the file</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
</context>
<context>
    <name>MatterPanel</name>
    <message>
        <source>{0}（{1}级 · {2}）</source>
        <translation>{0} ({1} level · {2})</translation>
    </message>
    <message>
        <source>【须本人到场】</source>
        <translation>[in person only]</translation>
    </message>
    <message>
        <source>“{0}”须本人到场办理，不能代办。请告诉群众办理地点</source>
        <translation>“{0}” must be done in person and cannot be done by proxy. Tell the villager where to go</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>和要带的材料：{0}</source>
        <translation> and what to bring: {0}</translation>
    </message>
    <message>
        <source>输入事项名称、拼音或首字母，如 低保、yanglao、ylbx</source>
        <translation>Type the matter&apos;s name, pinyin or initials, e.g. 低保, yanglao, ylbx</translation>
    </message>
    <message>
        <source>办理层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>办理路径</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>已收材料（空格键勾选）</source>
        <translation>Materials received (Space ticks)</translation>
    </message>
    <message>
        <source>{0}级</source>
        <translation>{0} level</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>记录座谈会</source>
        <translation>Record a meeting</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>主持代理员</source>
        <translation>Chaired by</translation>
    </message>
    <message>
        <source>（不指定）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>参加人员</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>用顿号分开，例如：村民代表王某、李某、镇城建办</source>
        <translation>Separate with 、, e.g. 村民代表王某、李某、镇城建办</translation>
    </message>
    <message>
        <source>参加人数</source>
        <translation>Number present</translation>
    </message>
    <message>
        <source>议定事项</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>讨论的群众意见</source>
        <translation>Opinions discussed</translation>
    </message>
</context>
<context>
    <name>NetworkQueue</name>
    <message>
        <source>已上报</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>有新情况待上报</source>
        <translation>New changes to report</translation>
    </message>
    <message>
        <source>未上报</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>未登记同步</source>
        <translation>Not enrolled for sync</translation>
    </message>
    <message>
        <source>上级下发</source>
        <translation>From above</translation>
    </message>
    <message>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>上报镇中心</source>
        <translation>Reported to township</translation>
    </message>
</context>
<context>
    <name>NetworkQueuePage</name>
    <message>
        <source>全部站点</source>
        <translation>All stations</translation>
    </message>
</context>
<context>
    <name>NewVillagerPanel</name>
    <message>
        <source>登记此人（Enter）</source>
        <translation>Register this person (Enter)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>新建群众：名册里没有这位群众时，在这里登记（Esc 收起）</source>
        <translation>New villager: register them here if they are not on the roll (Esc closes)</translation>
    </message>
</context>
<context>
    <name>NumberingNotice</name>
    <message>
        <source>恢复备份后的编号</source>
        <translation>Numbering after a restore</translation>
    </message>
    <message>
        <source>在得知编号用到了哪里之前，本站不能登记或办理，以免同一个编号发给两位群众。
请先联网同步一次（镇中心会告知）；确实无法联网时，可以离线继续办理：办件编号会带“L”，不会与已发的编号重复。</source>
        <translation>Until it knows where its numbering stood, this station cannot register or handle matters, so that no number is given to two villagers.
Sync once first (the township will tell it); if there is truly no network, you can go on offline: case numbers then carry an &quot;L&quot; and cannot clash with numbers already issued.</translation>
    </message>
    <message>
        <source>先去同步（F9）</source>
        <translation>Sync first (F9)</translation>
    </message>
    <message>
        <source>离线继续办理</source>
        <translation>Go on offline</translation>
    </message>
</context>
<context>
    <name>OpinionsScreen</name>
    <message>
        <source>主题 / 村</source>
        <translation>Subject / village</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>群众</source>
        <translation>Villager</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>已等待</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>意见内容</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>讨论意见</source>
        <translation>Opinions discussed</translation>
    </message>
    <message>
        <source>已反馈</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>形成办件</source>
        <translation>Case raised</translation>
    </message>
    <message>
        <source>记录座谈会(&amp;M)…</source>
        <translation>Record a &amp;meeting…</translation>
    </message>
    <message>
        <source>记录反馈(&amp;F)…</source>
        <translation>Record &amp;feedback…</translation>
    </message>
    <message>
        <source>由意见转为办件…</source>
        <translation>Turn into a case…</translation>
    </message>
    <message>
        <source>按主题和村</source>
        <translation>By subject and village</translation>
    </message>
    <message>
        <source>待反馈</source>
        <translation>Awaiting feedback</translation>
    </message>
    <message>
        <source>座谈会</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>群众意见 {0} 条，待反馈 {1} 条；座谈会 {2} 次</source>
        <translation>{0} opinions, {1} awaiting feedback; {2} meetings</translation>
    </message>
    <message>
        <source>待反馈（{0}）</source>
        <translation>Awaiting feedback ({0})</translation>
    </message>
    <message>
        <source>{0} · {1}（{2} 条）</source>
        <translation>{0} · {1} ({2})</translation>
    </message>
    <message>
        <source>{0} 天</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <source>&lt;p&gt;选一次座谈会，这里显示它讨论的意见、反馈和形成的办件。&lt;/p&gt;</source>
        <translation>&lt;p&gt;Choose a meeting to see the opinions it discussed, the feedback and the cases raised.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <source>结对帮扶</source>
        <translation>Paired support</translation>
    </message>
    <message>
        <source>困难户</source>
        <translation>Household in hardship</translation>
    </message>
    <message>
        <source>结对代理员</source>
        <translation>Paired cadre</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PapersTab</name>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <source>80 mm 热敏纸</source>
        <translation>80 mm thermal roll</translation>
    </message>
    <message>
        <source>58 mm 热敏纸</source>
        <translation>58 mm thermal roll</translation>
    </message>
    <message>
        <source>群众本人的回执和委托书上显示完整身份证号</source>
        <translation>Show the full ID number on the villager&apos;s own receipt and authorisation form</translation>
    </message>
    <message>
        <source>回执下方带本站存根（沿线剪开）</source>
        <translation>Print the station&apos;s stub below the receipt (cut along the line)</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>本站地址</source>
        <translation>Station address</translation>
    </message>
    <message>
        <source>本站电话</source>
        <translation>Station phone</translation>
    </message>
    <message>
        <source>办公时间</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>市（县）监督投诉电话</source>
        <translation>County complaints hotline</translation>
    </message>
    <message>
        <source>镇（街道）监督投诉电话</source>
        <translation>Township complaints hotline</translation>
    </message>
    <message>
        <source>回执纸张</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <source>这些内容印在受理回执、告知单和公示牌上。监督投诉电话没有填写时，回执上只印市（县）的电话。</source>
        <translation>These details are printed on receipts, notices and the public board. While the township hotline is empty, receipts show only the county&apos;s.</translation>
    </message>
    <message>
        <source>只有管理员可以修改这些内容。</source>
        <translation>Only an administrator can change these details.</translation>
    </message>
    <message>
        <source>已保存，以后打印的回执和公示牌按新内容印。</source>
        <translation>Saved: receipts and the board printed from now on use the new details.</translation>
    </message>
    <message>
        <source>没有保存：{0}</source>
        <translation>Not saved: {0}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>本站口令 — 海安群众事务代理工作台</source>
        <translation>Station passphrase — Haian Desk</translation>
    </message>
    <message>
        <source>本站数据还没有加密。请设置本站口令，程序会加密数据库和备份（数据多时要等一会儿）。</source>
        <translation>This station&apos;s data is not encrypted yet. Set the station passphrase and the program encrypts the database and backups (with much data this takes a while).</translation>
    </message>
    <message>
        <source>这台电脑没有保存本站的钥匙，请输入本站口令。忘记口令时，请站长联系镇代理中心用镇里的钥匙恢复。</source>
        <translation>This PC does not keep the station&apos;s key; enter the station passphrase. If it is forgotten, the station head asks the township centre to recover it with the township&apos;s key.</translation>
    </message>
    <message>
        <source>本站口令(&amp;K)</source>
        <translation>Station pass&amp;phrase</translation>
    </message>
    <message>
        <source>再输一次口令(&amp;R)</source>
        <translation>&amp;Repeat the passphrase</translation>
    </message>
    <message>
        <source>两次输入的口令不一样，请重新输入</source>
        <translation>The two passphrases differ; type them again</translation>
    </message>
    <message>
        <source>正在核对口令……</source>
        <translation>Checking the passphrase…</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>本站口令</source>
        <translation>Station passphrase</translation>
    </message>
    <message>
        <source>本站的数据和备份都用这个口令加密。请抄在只有站长知道的地方：电脑坏了、换新电脑时要用它恢复数据。</source>
        <translation>The station&apos;s data and backups are encrypted with this passphrase. Write it down where only the station head knows: it recovers the data if the PC breaks or is replaced.</translation>
    </message>
    <message>
        <source>本站口令(&amp;K)</source>
        <translation>Station pass&amp;phrase</translation>
    </message>
    <message>
        <source>再输一次口令(&amp;R)</source>
        <translation>&amp;Repeat the passphrase</translation>
    </message>
    <message>
        <source>本站口令：已设置（数据和备份将加密）</source>
        <translation>Station passphrase: set (data and backups will be encrypted)</translation>
    </message>
    <message>
        <source>两次输入的口令不一样，请重新输入</source>
        <translation>The two passphrases differ; type them again</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>“{0}”还在建设中，下一版本提供。</source>
        <translation>“{0}” is still being built and comes in the next version.</translation>
    </message>
</context>
<context>
    <name>PrintMenuButton</name>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>打印（Ctrl+P）</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <source>打印/补打（Ctrl+P）</source>
        <translation>Print / reprint (Ctrl+P)</translation>
    </message>
    <message>
        <source>{0}（已打印{1}份）</source>
        <translation>{0} (printed {1}×)</translation>
    </message>
    <message>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>预览…</source>
        <translation>Preview…</translation>
    </message>
    <message>
        <source>另存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>按本站设置</source>
        <translation>Station default</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>没有打印</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>没有打印机</source>
        <translation>No printer</translation>
    </message>
    <message>
        <source>这台电脑没有安装打印机。
先另存为PDF文件，再拿到有打印机的电脑上打印吗？</source>
        <translation>No printer is installed on this computer.
Save as a PDF file now and print it on a computer that has a printer?</translation>
    </message>
    <message>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>打印预览：{0} {1}</source>
        <translation>Print preview: {0} {1}</translation>
    </message>
    <message>
        <source>已打印{0}{1}：{2}</source>
        <translation>Printed {0}{1}: {2}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>搜索：编号、姓名、拼音、电话或内容（Ctrl+F）</source>
        <translation>Search: case no., name, pinyin, phone or details (Ctrl+F)</translation>
    </message>
    <message>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>只看我首问或经办的办件</source>
        <translation>Only cases I received or am handling</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>24小时内到期的办件</source>
        <translation>Cases due within 24 hours</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已过办结期限仍未办结的办件</source>
        <translation>Cases past their deadline and not yet completed</translation>
    </message>
    <message>
        <source>久拖不决</source>
        <translation>Long-standing</translation>
    </message>
    <message>
        <source>久拖不决、历史遗留问题</source>
        <translation>Long-standing and inherited problems</translation>
    </message>
    <message>
        <source>信访</source>
        <translation>Petition</translation>
    </message>
    <message>
        <source>涉及信访的办件</source>
        <translation>Cases involving petitions</translation>
    </message>
    <message>
        <source>差评待整改</source>
        <translation>Bad rating to follow up</translation>
    </message>
    <message>
        <source>差评后还未回访、整改完的办件</source>
        <translation>Badly rated cases not yet revisited and put right</translation>
    </message>
    <message>
        <source>当前账号没有关联代理员，无法筛选“我的”</source>
        <translation>This login is not linked to a cadre, so “Mine” cannot be used</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>已显示 {0} 件，正在统计总数…</source>
        <translation>Showing {0} cases, counting the total…</translation>
    </message>
    <message>
        <source>共 {0} 件，已显示 {1} 件</source>
        <translation>{0} cases, {1} shown</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>还有没上报的办件</source>
        <translation>Cases not yet reported</translation>
    </message>
    <message>
        <source>还有 {0} 件办件（共 {1} 条记录）没有上报到镇中心。

它们都已保存在本机，不会丢失；下次联网同步或用U盘同步时会一并上报。</source>
        <translation>{0} cases ({1} records) have not been reported to the township centre yet.

They are saved on this PC and will not be lost; they go up with the next network or USB sync.</translation>
    </message>
    <message>
        <source>先同步，不退出</source>
        <translation>Sync first, don&apos;t exit</translation>
    </message>
    <message>
        <source>照样退出</source>
        <translation>Exit anyway</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RaiseDialog</name>
    <message>
        <source>由意见转为办件</source>
        <translation>Turn an opinion into a case</translation>
    </message>
    <message>
        <source>来自哪条意见</source>
        <translation>From opinion</translation>
    </message>
    <message>
        <source>服务类型</source>
        <translation>Kind of service</translation>
    </message>
    <message>
        <source>代办事项</source>
        <translation>Errand</translation>
    </message>
    <message>
        <source>办件内容</source>
        <translation>Case details</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation>First-contact cadre</translation>
    </message>
</context>
<context>
    <name>ReachLabel</name>
    <message>
        <source>受理站点：{0}</source>
        <translation>Received at: {0}</translation>
    </message>
    <message>
        <source>镇中心：{0}</source>
        <translation>Township centre: {0}</translation>
    </message>
    <message>
        <source>在本机办理的情况要同步后镇中心才能看到；见“同步”页面</source>
        <translation>What is done on this PC reaches the township centre after a sync; see the Sync page</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>更换结对代理员：{0}</source>
        <translation>Change paired cadre: {0}</translation>
    </message>
    <message>
        <source>新的结对代理员</source>
        <translation>New paired cadre</translation>
    </message>
</context>
<context>
    <name>ReceiptButtons</name>
    <message>
        <source>打印回执（Ctrl+P）</source>
        <translation>Print receipt (Ctrl+P)</translation>
    </message>
    <message>
        <source>预览（Ctrl+Shift+P）</source>
        <translation>Preview (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>打印回执和授权委托书（Ctrl+P）</source>
        <translation>Print the receipt and authorisation form (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>登记举报</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <source>举报渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>涉及办件编号</source>
        <translation>Case number concerned</translation>
    </message>
    <message>
        <source>如 102210-260304-001；不涉及具体办件的留空</source>
        <translation>e.g. 102210-260304-001; leave empty if no case is concerned</translation>
    </message>
    <message>
        <source>被举报代理员</source>
        <translation>Cadre complained about</translation>
    </message>
    <message>
        <source>（按办件的经办人）</source>
        <translation>(the case&apos;s handler)</translation>
    </message>
    <message>
        <source>举报内容</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>举报人（可不填）</source>
        <translation>Complainant (optional)</translation>
    </message>
    <message>
        <source>联系电话（可不填）</source>
        <translation>Phone (optional)</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>从镇中心恢复本站数据</source>
        <translation>Recover this station from the township</translation>
    </message>
    <message>
        <source>本站12位区划代码，如 320685102210</source>
        <translation>The station&apos;s 12-digit division code, e.g. 320685102210</translation>
    </message>
    <message>
        <source>恢复申请文件的保存位置</source>
        <translation>Where to save the recovery request</translation>
    </message>
    <message>
        <source>① 生成恢复申请文件</source>
        <translation>① Make the recovery request</translation>
    </message>
    <message>
        <source>镇中心办理后给的恢复答复文件</source>
        <translation>The recovery answer the township gave you</translation>
    </message>
    <message>
        <source>可不填：本站最近的备份文件（U盘上）</source>
        <translation>Optional: this station&apos;s latest backup (on a USB stick)</translation>
    </message>
    <message>
        <source>② 开始恢复</source>
        <translation>② Start recovery</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>单位代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>申请文件</source>
        <translation>Request file</translation>
    </message>
    <message>
        <source>恢复答复</source>
        <translation>Recovery answer</translation>
    </message>
    <message>
        <source>镇中心网址</source>
        <translation>Township address</translation>
    </message>
    <message>
        <source>最近的备份</source>
        <translation>Latest backup</translation>
    </message>
    <message>
        <source>新管理员登录名</source>
        <translation>New admin login</translation>
    </message>
    <message>
        <source>新管理员密码</source>
        <translation>New admin password</translation>
    </message>
    <message>
        <source>电脑坏了也不要紧：本站上报过的记录都在镇中心。先生成恢复申请文件交给镇中心办理，镇中心重新批准本站后，用它给的答复文件在这里恢复；最近的备份里镇中心没有的记录也会补回。</source>
        <translation>A broken PC is not the end: everything this station sent up is at the township. Make a recovery request and take it to the township; once the township approves the station again, recover here with the answer file it gives you. Records in the latest backup that the township lacks are brought back too.</translation>
    </message>
    <message>
        <source>请选择恢复申请文件的保存位置</source>
        <translation>Choose where to save the recovery request</translation>
    </message>
    <message>
        <source>恢复申请已写到 {0}。请交给镇中心办理，拿回恢复答复文件后继续第②步。</source>
        <translation>The recovery request was written to {0}. Take it to the township, then continue with step ② when you have the answer file.</translation>
    </message>
    <message>
        <source>请选择恢复答复文件，并填写新管理员登录名和密码（至少{0}位）</source>
        <translation>Choose the recovery answer file and enter the new admin&apos;s login and password (at least {0} characters)</translation>
    </message>
    <message>
        <source>正在从镇中心取回本站数据……</source>
        <translation>Fetching this station&apos;s data from the township…</translation>
    </message>
</context>
<context>
    <name>RetireDialog</name>
    <message>
        <source>代理员离任</source>
        <translation>Cadre leaves office</translation>
    </message>
    <message>
        <source>如：调任、退休（可不填）</source>
        <translation>e.g. transferred, retired (optional)</translation>
    </message>
    <message>
        <source>确认离任</source>
        <translation>Confirm leaving</translation>
    </message>
    <message>
        <source>{0}离任后不再出现在公示牌和受理登记的代理员里；经手过的办件仍记在其名下。</source>
        <translation>After leaving, {0} no longer appears on the public board or among the intake cadres; the cases they handled stay under their name.</translation>
    </message>
    <message>
        <source>离任日期(&amp;D)</source>
        <translation>Leaving &amp;date</translation>
    </message>
    <message>
        <source>原因(&amp;Y)</source>
        <translation>Reason (&amp;Y)</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>退回 — {0}</source>
        <translation>Return — {0}</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>退回到</source>
        <translation>Return to</translation>
    </message>
    <message>
        <source>本级办理情况</source>
        <translation>What was done at this level</translation>
    </message>
</context>
<context>
    <name>RevealReasonDialog</name>
    <message>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>选择或填写原因</source>
        <translation>Choose or write a reason</translation>
    </message>
    <message>
        <source>记录并显示</source>
        <translation>Record and show</translation>
    </message>
    <message>
        <source>不显示</source>
        <translation>Don&apos;t show</translation>
    </message>
    <message>
        <source>完整的身份证号和电话会记入办件（或群众）历史：谁、何时、为什么。请说明原因：</source>
        <translation>The full ID number and phone will be recorded in the case (or villager) history: who, when and why. Give the reason:</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>受理登记</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>办件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>群众</source>
        <translation>Villagers</translation>
    </message>
    <message>
        <source>代理员</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <source>事项目录</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>结对帮扶</source>
        <translation>Paired support</translation>
    </message>
    <message>
        <source>民意座谈</source>
        <translation>Opinions &amp; meetings</translation>
    </message>
    <message>
        <source>举报</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>考核</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>上报事项</source>
        <translation>Reported cases</translation>
    </message>
    <message>
        <source>站点</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>冲突核对</source>
        <translation>Conflicts</translation>
    </message>
</context>
<context>
    <name>SecurityTab</name>
    <message>
        <source>自动锁定</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <source>保存锁定时间(&amp;L)</source>
        <translation>Save the &amp;lock time</translation>
    </message>
    <message>
        <source>分钟</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>无人操作多久后锁定(&amp;M)</source>
        <translation>Lock after this many idle &amp;minutes</translation>
    </message>
    <message>
        <source>到时间后工作台的窗口全部隐藏，要输入本人密码才能继续；一般设10分钟，人来人往的办公室可以设得更短。</source>
        <translation>When the time is up, all the desk&apos;s windows are hidden and your own password is needed to go on. 10 minutes is usual; a busy office can set it shorter.</translation>
    </message>
    <message>
        <source>只有管理员可以修改锁定时间。</source>
        <translation>Only an administrator can change the lock time.</translation>
    </message>
    <message>
        <source>已保存：无人操作 {0} 分钟后锁定。</source>
        <translation>Saved: the desk locks after {0} idle minutes.</translation>
    </message>
    <message>
        <source>审计记录（只读）</source>
        <translation>Audit log (read-only)</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>谁在何时添加、停用账号，改角色、改密码，改本站设置，以及谁因何显示了群众的完整号码。记录不能修改或删除，同步时一并上报镇代理中心。</source>
        <translation>Who added or disabled accounts, changed roles, passwords or station settings, and when; and who showed a villager&apos;s full numbers, and why. Records cannot be changed or deleted, and are reported to the township centre with each sync.</translation>
    </message>
</context>
<context>
    <name>ServerStationsPage</name>
    <message>
        <source>下级中心同步情况</source>
        <translation>Sync status of the units below</translation>
    </message>
    <message>
        <source>下级单位</source>
        <translation>Unit below</translation>
    </message>
    <message>
        <source>单位代码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>已收记录</source>
        <translation>Records received</translation>
    </message>
    <message>
        <source>待核查</source>
        <translation>Held for checking</translation>
    </message>
    <message>
        <source>时钟偏差</source>
        <translation>Clock offset</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>登记和注销下级要用中心的密钥，在服务器上办理：haian-desk hub enrol / hub revoke --database …（见 docs/postgres-hub.md）。</source>
        <translation>Enrolling and revoking a unit below need the hub&apos;s keys and are done on the server: haian-desk hub enrol / hub revoke --database … (see docs/postgres-hub.md).</translation>
    </message>
    <message>
        <source>登记在用的下级 {0} 个</source>
        <translation>Units below enrolled and active: {0}</translation>
    </message>
    <message>
        <source>；{0} 个超过 {1} 小时没有联系：{2}</source>
        <translation>; {0} not heard from for over {1} hours: {2}</translation>
    </message>
    <message>
        <source>从未联系</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>已注销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>还没有同步过</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>失联</source>
        <translation>Out of contact</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>界面显示</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>本站信息</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>回执与公示</source>
        <translation>Papers</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>工作日历</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <source>锁定与审计</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>首次设置 — 海安群众事务代理工作台</source>
        <translation>First-time setup — Haian Desk</translation>
    </message>
    <message>
        <source>下一步(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; 上一步(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>完成(&amp;F)</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StationOpening</name>
    <message>
        <source>海安群众事务代理工作台</source>
        <translation>Haian Desk</translation>
    </message>
    <message>
        <source>没有恢复备份：{0}</source>
        <translation>The backup was not restored: {0}</translation>
    </message>
    <message>
        <source>已恢复备份：{0}。原来的数据库另存在 {1}。</source>
        <translation>Backup restored: {0}. The replaced database was kept at {1}.</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>本站信息</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>选择所在的镇（街道），填写村和组的代码。代码以统计用区划代码为准。</source>
        <translation>Choose the township and enter the village and group codes, as in the statistical division codes.</translation>
    </message>
    <message>
        <source>3位，如 210</source>
        <translation>3 digits, e.g. 210</translation>
    </message>
    <message>
        <source>组代理点才填，3位</source>
        <translation>Group points only, 3 digits</translation>
    </message>
    <message>
        <source>如：曲塘镇双楼村代理站</source>
        <translation>e.g. 曲塘镇双楼村代理站</translation>
    </message>
    <message>
        <source>身份(&amp;R)</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>所在镇（街道）(&amp;T)</source>
        <translation>&amp;Township</translation>
    </message>
    <message>
        <source>村代码(&amp;V)</source>
        <translation>&amp;Village code</translation>
    </message>
    <message>
        <source>组号(&amp;G)</source>
        <translation>&amp;Group no.</translation>
    </message>
    <message>
        <source>单位代码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>站名(&amp;S)</source>
        <translation>&amp;Station name</translation>
    </message>
    <message>
        <source>地址(&amp;A)</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>联系电话(&amp;H)</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>请填写本站名称（例如：曲塘镇杨庄村代理站）</source>
        <translation>Enter this station&apos;s name as it is printed on papers (in Chinese)</translation>
    </message>
    <message>
        <source>单位：{0}（{1}）</source>
        <translation>Unit: {0} ({1})</translation>
    </message>
    <message>
        <source>身份：{0}</source>
        <translation>Role: {0}</translation>
    </message>
</context>
<context>
    <name>StationTab</name>
    <message>
        <source>站名</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>单位代码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>所在镇（街道）</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>本机编号</source>
        <translation>Installation ID</translation>
    </message>
    <message>
        <source>数据目录</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>本站的名称和代码在首次设置时确定，同步时镇代理中心据此识别本站；如需更改，请与镇代理中心联系。</source>
        <translation>The station&apos;s name and code were fixed at setup; the township centre recognises the station by them when syncing. To change them, contact the township centre.</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <source>准</source>
        <translation>accurate</translation>
    </message>
    <message>
        <source>快</source>
        <translation>fast</translation>
    </message>
    <message>
        <source>慢</source>
        <translation>slow</translation>
    </message>
    <message>
        <source>{0}{1}小时</source>
        <translation>{0} by {1} h</translation>
    </message>
    <message>
        <source>{0}{1}分钟</source>
        <translation>{0} by {1} min</translation>
    </message>
    <message>
        <source>各站点同步情况</source>
        <translation>Stations&apos; sync</translation>
    </message>
    <message>
        <source>站点</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>单位代码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>已收记录</source>
        <translation>Records received</translation>
    </message>
    <message>
        <source>已知缺少</source>
        <translation>Known missing</translation>
    </message>
    <message>
        <source>待核查</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>时钟偏差</source>
        <translation>Clock offset</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>办件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source> 小时</source>
        <translation> hours</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>超过这么久没有联系的站点标红：</source>
        <translation>Mark stations red after no contact for:</translation>
    </message>
    <message>
        <source>登记、注销与U盘文件</source>
        <translation>Enrolment, retirement and USB files</translation>
    </message>
    <message>
        <source>办理站点登记(&amp;E)…</source>
        <translation>&amp;Enrol a station…</translation>
    </message>
    <message>
        <source>注销选中的站点(&amp;R)</source>
        <translation>&amp;Retire the selected station</translation>
    </message>
    <message>
        <source>导入站点的U盘文件(&amp;I)…</source>
        <translation>&amp;Import a station&apos;s USB file…</translation>
    </message>
    <message>
        <source>登记在用的站点 {0} 个</source>
        <translation>{0} stations enrolled</translation>
    </message>
    <message>
        <source>；{0} 个站点超过 {1} 小时没有联系：{2}</source>
        <translation>; {0} stations not heard from for over {1} hours: {2}</translation>
    </message>
    <message>
        <source>从未联系</source>
        <translation>Never in contact</translation>
    </message>
    <message>
        <source>已注销</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>还没有同步过</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>失联 {0} 小时</source>
        <translation>Silent for {0} hours</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>On schedule</translation>
    </message>
    <message>
        <source>已为“{0}”（{1}）办理登记。</source>
        <translation>Enrolled “{0}” ({1}).</translation>
    </message>
    <message>
        <source>其密钥指纹：{0}（可电话与站点核对）</source>
        <translation>Its key fingerprint: {0} (check it with the station by phone)</translation>
    </message>
    <message>
        <source>登记答复已写到 {0}，请拷回站点，在站点的“同步”页面导入。</source>
        <translation>Enrolment answer written to {0}; take it back to the station and import it on its Sync page.</translation>
    </message>
    <message>
        <source>答复里写的本中心网址：{0}</source>
        <translation>Centre address given in the answer: {0}</translation>
    </message>
    <message>
        <source>同步服务没有运行，答复里没有网址：站点需自己填写，或用U盘同步。</source>
        <translation>The sync service is not running, so the answer has no address: the station must enter it, or sync by USB.</translation>
    </message>
    <message>
        <source>请先在表里选中要注销的站点</source>
        <translation>First select the station to retire in the table</translation>
    </message>
    <message>
        <source>已注销“{0}”：它不能再同步，已上报的数据都保留。</source>
        <translation>Retired “{0}”: it can no longer sync; everything it reported is kept.</translation>
    </message>
    <message>
        <source>正在导入 {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <source>选择站点给的文件</source>
        <translation>Choose the file from the station</translation>
    </message>
    <message>
        <source>登记申请或同步文件 (*.json *.hdsync);;所有文件 (*)</source>
        <translation>Enrolment or sync files (*.json *.hdsync);;All files (*)</translation>
    </message>
    <message>
        <source>注销站点</source>
        <translation>Retire station</translation>
    </message>
    <message>
        <source>注销“{0}”后，它将不能再同步（已上报的数据保留）。确定注销吗？</source>
        <translation>Once “{0}” is retired it can no longer sync (what it reported is kept). Retire it?</translation>
    </message>
</context>
<context>
    <name>SupportScreen</name>
    <message>
        <source>只看逾期未走访</source>
        <translation>Only overdue visits</translation>
    </message>
    <message>
        <source>结对(&amp;P)…</source>
        <translation>&amp;Pair…</translation>
    </message>
    <message>
        <source>登记走访(&amp;V)…</source>
        <translation>Record a &amp;visit…</translation>
    </message>
    <message>
        <source>更换代理员…</source>
        <translation>Change cadre…</translation>
    </message>
    <message>
        <source>结束结对…</source>
        <translation>End pairing…</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <source>困难类型</source>
        <translation>Hardship</translation>
    </message>
    <message>
        <source>结对代理员</source>
        <translation>Paired cadre</translation>
    </message>
    <message>
        <source>走访周期</source>
        <translation>Visit every</translation>
    </message>
    <message>
        <source>上次走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>应走访日期</source>
        <translation>Visit due</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>走访时间</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>代理员</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>走访情况</source>
        <translation>Visit notes</translation>
    </message>
    <message>
        <source>当场受理</source>
        <translation>Taken in on the spot</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>尚未结对的困难户</source>
        <translation>Households not yet paired</translation>
    </message>
    <message>
        <source>结对 {0} 户，其中 {1} 户逾期未走访；尚未结对的困难户 {2} 户</source>
        <translation>{0} households paired, {1} overdue for a visit; {2} households in hardship not yet paired</translation>
    </message>
    <message>
        <source>逾期 {0} 天</source>
        <translation>{0} days overdue</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>On schedule</translation>
    </message>
    <message>
        <source>{0} 天</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <source>未走访</source>
        <translation>Not visited</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>待上报</source>
        <translation>To report</translation>
    </message>
    <message>
        <source>被拒收的记录</source>
        <translation>Refused records</translation>
    </message>
    <message>
        <source>U盘同步</source>
        <translation>USB sync</translation>
    </message>
    <message>
        <source>登记与网址</source>
        <translation>Enrolment and address</translation>
    </message>
    <message>
        <source>同步记录</source>
        <translation>Sync log</translation>
    </message>
    <message>
        <source>立即同步(&amp;S)</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>上级同步中心</source>
        <translation>Sync centre above</translation>
    </message>
    <message>
        <source>上次成功</source>
        <translation>Last success</translation>
    </message>
    <message>
        <source>上次尝试</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <source>本机时钟</source>
        <translation>This PC&apos;s clock</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>本机办理的</source>
        <translation>Done on this PC</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>最近</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>这些记录已保存在本机，还没有送到镇中心；下次同步时会自动送上去。</source>
        <translation>These records are saved on this PC but have not reached the township centre; the next sync sends them.</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>镇中心拒收的原因</source>
        <translation>Why the township centre refused it</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>原因已排除，重新发送选中的(&amp;R)</source>
        <translation>Problem fixed: &amp;resend the selected</translation>
    </message>
    <message>
        <source>已另行处理，不再提示</source>
        <translation>Handled otherwise; stop reminding</translation>
    </message>
    <message>
        <source>被拒收的记录仍在本机，但镇中心没有采用。请按原因与镇中心核对；问题解决后选中记录重新发送。</source>
        <translation>Refused records stay on this PC but the township centre did not take them. Check the reason with the centre; once it is fixed, select the records and resend them.</translation>
    </message>
    <message>
        <source>导出到U盘(&amp;E)…</source>
        <translation>&amp;Export to USB…</translation>
    </message>
    <message>
        <source>导入镇中心的回执文件(&amp;I)…</source>
        <translation>&amp;Import the centre&apos;s receipt file…</translation>
    </message>
    <message>
        <source>没有网络时：① 把待上报的记录导出到U盘；② 带到镇中心，在“站点”页面导入，镇中心会写出一份回执文件；③ 把回执文件带回来，在这里导入，镇中心的办理情况就到了本机。</source>
        <translation>Without a network: ① export the records to report onto a USB stick; ② take it to the township centre, which imports it on its Stations page and writes a receipt file; ③ bring the receipt back and import it here to receive the centre&apos;s news.</translation>
    </message>
    <message>
        <source>① 生成登记申请文件(&amp;Q)…</source>
        <translation>① Make an enrolment re&amp;quest file…</translation>
    </message>
    <message>
        <source>② 导入镇中心的登记答复(&amp;A)…</source>
        <translation>② Import the centre&apos;s enrolment &amp;answer…</translation>
    </message>
    <message>
        <source>镇中心的网址，如 http://192.168.1.10:8765</source>
        <translation>The township centre&apos;s address, e.g. http://192.168.1.10:8765</translation>
    </message>
    <message>
        <source>保存网址</source>
        <translation>Save address</translation>
    </message>
    <message>
        <source>镇中心网址</source>
        <translation>Centre address</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>已发送 {0} / {1}</source>
        <translation>Sent {0} / {1}</translation>
    </message>
    <message>
        <source>还没有成功过</source>
        <translation>Never succeeded yet</translation>
    </message>
    <message>
        <source>未填网址，只能用U盘同步</source>
        <translation>no address: sync by USB stick only</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>还没有登记（见“登记与网址”）</source>
        <translation>Not enrolled yet (see Enrolment and address)</translation>
    </message>
    <message>
        <source>登记之前，办件只保存在本机</source>
        <translation>Until enrolled, matters are kept on this PC only</translation>
    </message>
    <message>
        <source>没有待发送的；另有 {0} 条记录被拒收或留存待核查，不算已上报（见下方说明）</source>
        <translation>Nothing waiting to send; {0} more records were refused or held for checking and do not count as sent (see below)</translation>
    </message>
    <message>
        <source>没有，全部已上报</source>
        <translation>None, everything reported</translation>
    </message>
    <message>
        <source>{0} 件办件，共 {1} 条记录</source>
        <translation>{0} cases, {1} records</translation>
    </message>
    <message>
        <source>还没有同步过</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>与镇中心一致</source>
        <translation>Agrees with the township centre</translation>
    </message>
    <message>
        <source>怎么办：{0}</source>
        <translation>What to do: {0}</translation>
    </message>
    <message>
        <source>。{0} 秒后自动再试</source>
        <translation>. Trying again in {0} s</translation>
    </message>
    <message>
        <source>。{0} 分钟后自动再试</source>
        <translation>. Trying again in {0} min</translation>
    </message>
    <message>
        <source>被拒收的记录（{0}）</source>
        <translation>Refused records ({0})</translation>
    </message>
    <message>
        <source>本机已登记到“{0}”。如换了电脑或重装，请重新办理登记。</source>
        <translation>This PC is enrolled with “{0}”. After changing or reinstalling the PC, enrol again.</translation>
    </message>
    <message>
        <source>本机还没有登记到镇中心。第①步生成申请文件，拷给镇中心办理；第②步导入镇中心给的答复文件。</source>
        <translation>This PC is not enrolled with the township centre. Step ①: make a request file and take it to the centre; step ②: import the answer file the centre gives you.</translation>
    </message>
    <message>
        <source>联网</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>U盘文件</source>
        <translation>USB file</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <source>成功</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>请先在上面的表里选中要重新发送的记录</source>
        <translation>First select the records to resend in the table above</translation>
    </message>
    <message>
        <source>镇中心已收下 {0} 条。</source>
        <translation>The township centre took {0} records.</translation>
    </message>
    <message>
        <source>仍被拒收：{0}</source>
        <translation>Still refused: {0}</translation>
    </message>
    <message>
        <source>已不再提示 {0} 条记录（记录本身仍保存在本机）。</source>
        <translation>No more reminders for {0} records (they stay saved on this PC).</translation>
    </message>
    <message>
        <source>登记申请已写到 {0}</source>
        <translation>Enrolment request written to {0}</translation>
    </message>
    <message>
        <source>本机密钥指纹：{0}（镇中心办理时可电话核对）</source>
        <translation>This PC&apos;s key fingerprint: {0} (the centre may check it by phone)</translation>
    </message>
    <message>
        <source>请把这个文件拷给镇中心；镇中心办理后会给一个答复文件，再在这里导入。</source>
        <translation>Take this file to the township centre; it will give you an answer file to import here.</translation>
    </message>
    <message>
        <source>已登记到“{0}”（{1}）。</source>
        <translation>Enrolled with “{0}” ({1}).</translation>
    </message>
    <message>
        <source>同步中心网址：{0}</source>
        <translation>Sync centre address: {0}</translation>
    </message>
    <message>
        <source>还不知道镇中心的网址：请填写网址，或用U盘同步。</source>
        <translation>The township centre&apos;s address is not known: enter it, or sync by USB.</translation>
    </message>
    <message>
        <source>已保存镇中心网址：{0}，正在试着同步。</source>
        <translation>Saved the centre&apos;s address {0}; trying to sync.</translation>
    </message>
    <message>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>选择U盘或文件夹</source>
        <translation>Choose the USB stick or a folder</translation>
    </message>
    <message>
        <source>选择文件</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>同步或登记文件 (*.hdsync *.json);;所有文件 (*)</source>
        <translation>Sync or enrolment files (*.hdsync *.json);;All files (*)</translation>
    </message>
    <message>
        <source>保存登记申请文件</source>
        <translation>Save the enrolment request</translation>
    </message>
    <message>
        <source>登记文件 (*.json)</source>
        <translation>Enrolment files (*.json)</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>正在读取同步状态…</source>
        <translation>Reading the sync status…</translation>
    </message>
    <message>
        <source>正在同步：已发送 {0} / {1}</source>
        <translation>Syncing: sent {0} of {1}</translation>
    </message>
    <message>
        <source>同步失败：{0}</source>
        <translation>Sync failed: {0}</translation>
    </message>
    <message>
        <source>未登记到镇中心：办件只保存在本机</source>
        <translation>Not enrolled with the township: matters are kept on this PC only</translation>
    </message>
    <message>
        <source>{0} 条记录被镇中心拒收</source>
        <translation>{0} records refused by the township</translation>
    </message>
    <message>
        <source>全部已上报</source>
        <translation>Everything sent</translation>
    </message>
    <message>
        <source>{0} 件待上报</source>
        <translation>{0} matters waiting to be sent</translation>
    </message>
    <message>
        <source>{0} 条记录待上报</source>
        <translation>{0} records waiting to be sent</translation>
    </message>
    <message>
        <source>同步服务运行中</source>
        <translation>Sync service running</translation>
    </message>
    <message>
        <source>同步服务运行中（另一程序）</source>
        <translation>Sync service running (another program)</translation>
    </message>
    <message>
        <source>同步服务正在启动…</source>
        <translation>Sync service starting…</translation>
    </message>
    <message>
        <source>同步服务正在停止…</source>
        <translation>Sync service stopping…</translation>
    </message>
    <message>
        <source>同步服务没能启动</source>
        <translation>Sync service did not start</translation>
    </message>
    <message>
        <source>同步服务未运行</source>
        <translation>Sync service not running</translation>
    </message>
    <message>
        <source>{0}：{1}
怎么办：{2}</source>
        <translation>{0}: {1}
What to do: {2}</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <source>点击查看同步详情</source>
        <translation>Click for sync details</translation>
    </message>
</context>
<context>
    <name>UrgencyRow</name>
    <message>
        <source>紧急（Alt+U）</source>
        <translation>Urgent (Alt+U)</translation>
    </message>
    <message>
        <source>紧急事项立即受理，登记时须约定办结时限</source>
        <translation>Urgent matters are accepted at once, with a deadline agreed at intake</translation>
    </message>
    <message>
        <source>— 请选择办结时限 —</source>
        <translation>— choose the deadline —</translation>
    </message>
    <message>
        <source>自定时间（在右边输入）</source>
        <translation>Own time (type it on the right)</translation>
    </message>
</context>
<context>
    <name>UserLabel</name>
    <message>
        <source>当前用户：{0}（{1}）</source>
        <translation>Logged in: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>关联代理员</source>
        <translation>Linked cadre</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>添加工作人员</source>
        <translation>Add a staff member</translation>
    </message>
    <message>
        <source>添加(&amp;D)</source>
        <translation>A&amp;dd</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>所选账号</source>
        <translation>Selected login</translation>
    </message>
    <message>
        <source>重置密码(&amp;P)</source>
        <translation>Set a new &amp;password</translation>
    </message>
    <message>
        <source>停用或启用(&amp;T)</source>
        <translation>S&amp;top or restart</translation>
    </message>
    <message>
        <source>关联到所选代理员(&amp;K)</source>
        <translation>Lin&amp;k to the selected cadre</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>代理员(&amp;J)</source>
        <translation>Cadre (&amp;J)</translation>
    </message>
    <message>
        <source>已为“{0}”设置新密码。</source>
        <translation>New password set for “{0}”.</translation>
    </message>
    <message>
        <source>已更改“{0}”的状态。</source>
        <translation>“{0}” changed.</translation>
    </message>
    <message>
        <source>请先在表里选中一个账号</source>
        <translation>Select a login in the table first</translation>
    </message>
    <message>
        <source>已更改“{0}”关联的代理员。</source>
        <translation>The cadre linked to “{0}” was changed.</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>（不关联）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>VillagerDetail</name>
    <message>
        <source>显示完整号码(&amp;R)</source>
        <translation>&amp;Reveal full numbers</translation>
    </message>
    <message>
        <source>身份证号和电话平时遮住一部分，以免旁人看到</source>
        <translation>ID numbers and phones are partly hidden so that others cannot read them</translation>
    </message>
    <message>
        <source>修改(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>所在组代码</source>
        <translation>Group code</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <source>户情标签</source>
        <translation>Household tags</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>同户成员</source>
        <translation>Same household</translation>
    </message>
    <message>
        <source>办件记录</source>
        <translation>Cases</translation>
    </message>
</context>
<context>
    <name>VillagerDialog</name>
    <message>
        <source>修改群众信息</source>
        <translation>Edit villager</translation>
    </message>
    <message>
        <source>新增群众</source>
        <translation>New villager</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>姓名(&amp;M)</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>身份证号(&amp;I)</source>
        <translation>&amp;ID number</translation>
    </message>
    <message>
        <source>电话(&amp;T)</source>
        <translation>&amp;Telephone</translation>
    </message>
    <message>
        <source>住址(&amp;A)</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>户号(&amp;H)</source>
        <translation>&amp;Household no.</translation>
    </message>
    <message>
        <source>户情标签</source>
        <translation>Household tags</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>3位组号，如 005</source>
        <translation>3-digit group no., e.g. 005</translation>
    </message>
    <message>
        <source>所在组(&amp;G)</source>
        <translation>&amp;Group</translation>
    </message>
    <message>
        <source>15位组代码</source>
        <translation>15-digit group code</translation>
    </message>
    <message>
        <source>组代码(&amp;G)</source>
        <translation>&amp;Group code</translation>
    </message>
    <message>
        <source>男</source>
        <translation>male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>female</translation>
    </message>
    <message>
        <source>出生日期 {0}，{1}</source>
        <translation>born {0}, {1}</translation>
    </message>
</context>
<context>
    <name>VillagersPage</name>
    <message>
        <source>输入姓名、拼音、首字母、身份证号或电话查找（Ctrl+F）</source>
        <translation>Search by name, pinyin, initials, ID number or phone (Ctrl+F)</translation>
    </message>
    <message>
        <source>新增群众(&amp;N)</source>
        <translation>&amp;New villager</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>只显示前 {0} 位，请多输入几个字缩小范围</source>
        <translation>Showing the first {0}; type more to narrow the search</translation>
    </message>
    <message>
        <source>找到 {0} 位群众</source>
        <translation>{0} villagers found</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>登记走访：{0}</source>
        <translation>Record a visit: {0}</translation>
    </message>
    <message>
        <source>走访时间</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>走访情况</source>
        <translation>Visit notes</translation>
    </message>
    <message>
        <source>例如：老人身体尚好，米面油充足，屋顶漏雨需维修</source>
        <translation>e.g. in fair health, enough food, the roof leaks and needs repair</translation>
    </message>
    <message>
        <source>困难和需求</source>
        <translation>Difficulties and needs</translation>
    </message>
    <message>
        <source>还没有走访过</source>
        <translation>Not visited yet</translation>
    </message>
    <message>
        <source>上次走访：{0}；结对代理员：{1}</source>
        <translation>Last visit: {0}; paired cadre: {1}</translation>
    </message>
    <message>
        <source>当场受理一件事</source>
        <translation>Take in a matter on the spot</translation>
    </message>
    <message>
        <source>群众已签书面授权委托书</source>
        <translation>The villager signed a written authorisation</translation>
    </message>
    <message>
        <source>服务类型</source>
        <translation>Kind of service</translation>
    </message>
    <message>
        <source>代办事项</source>
        <translation>Errand</translation>
    </message>
    <message>
        <source>诉求内容</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>民意代言</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>事务代办</source>
        <translation>Errand</translation>
    </message>
    <message>
        <source>诉求代理</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>待签委托</source>
        <translation>Awaiting signature</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>待补正</source>
        <translation>Materials missing</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已转办</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>已评价</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>已撤销导入</source>
        <translation>Import undone</translation>
    </message>
    <message>
        <source>来访</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>来电</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>座谈会</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>即办件</source>
        <translation>On the spot</translation>
    </message>
    <message>
        <source>承诺件</source>
        <translation>Promised time</translation>
    </message>
    <message>
        <source>镇（街道）代理中心</source>
        <translation>Township centre</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <source>职能部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>已办成</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>未获批准（已说明理由）</source>
        <translation>Refused (reasons given)</translation>
    </message>
    <message>
        <source>已转有关部门</source>
        <translation>Passed on</translation>
    </message>
    <message>
        <source>当面告知</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>电话告知</source>
        <translation>By phone</translation>
    </message>
    <message>
        <source>短信告知</source>
        <translation>By text message</translation>
    </message>
    <message>
        <source>上门告知</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>书面告知</source>
        <translation>In writing</translation>
    </message>
    <message>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>一次性告知补正</source>
        <translation>Missing materials listed</translation>
    </message>
    <message>
        <source>补正材料已交</source>
        <translation>Materials handed in</translation>
    </message>
    <message>
        <source>授权委托</source>
        <translation>Authorisation</translation>
    </message>
    <message>
        <source>委托书已签</source>
        <translation>Authorisation signed</translation>
    </message>
    <message>
        <source>指定经办人</source>
        <translation>Handler assigned</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>转办回复</source>
        <translation>Transfer answered</translation>
    </message>
    <message>
        <source>联动会办</source>
        <translation>Joint handling</translation>
    </message>
    <message>
        <source>恢复计时</source>
        <translation>Clock resumed</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>回复群众</source>
        <translation>Villager told</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Return visit</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>Put right</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>重新办理</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>上级接收</source>
        <translation>Received above</translation>
    </message>
    <message>
        <source>转送</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>冲突裁定</source>
        <translation>Conflict settled</translation>
    </message>
    <message>
        <source>撤销导入</source>
        <translation>Import undone</translation>
    </message>
    <message>
        <source>按工作日历重算时限</source>
        <translation>Deadline recounted by calendar</translation>
    </message>
    <message>
        <source>代理站工作人员</source>
        <translation>Station staff</translation>
    </message>
    <message>
        <source>代理中心工作人员</source>
        <translation>Township staff</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>代理站</source>
        <translation>Village station</translation>
    </message>
    <message>
        <source>代理中心</source>
        <translation>Township centre</translation>
    </message>
    <message>
        <source>县（市）</source>
        <translation>County (city)</translation>
    </message>
    <message>
        <source>村（社区）代理站</source>
        <translation>Village station</translation>
    </message>
    <message>
        <source>组代理点</source>
        <translation>Group point</translation>
    </message>
    <message>
        <source>空巢老人</source>
        <translation>Empty-nest elderly</translation>
    </message>
    <message>
        <source>留守儿童</source>
        <translation>Left-behind child</translation>
    </message>
    <message>
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>低保户</source>
        <translation>Minimum allowance</translation>
    </message>
    <message>
        <source>特困供养</source>
        <translation>Extreme-poverty support</translation>
    </message>
    <message>
        <source>孤寡老人</source>
        <translation>Elderly living alone</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>县</source>
        <translation>County</translation>
    </message>
    <message>
        <source>即办</source>
        <translation>On the spot</translation>
    </message>
    <message>
        <source>承诺</source>
        <translation>Promised</translation>
    </message>
    <message>
        <source>男</source>
        <translation>male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>female</translation>
    </message>
    <message>
        <source>小时</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <source>个工作日</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>受理回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>补正材料一次性告知单</source>
        <translation>Notice of missing materials</translation>
    </message>
    <message>
        <source>不予受理告知书</source>
        <translation>Notice of refusal</translation>
    </message>
    <message>
        <source>办结告知单</source>
        <translation>Completion notice</translation>
    </message>
    <message>
        <source>授权委托书</source>
        <translation>Authorisation form</translation>
    </message>
    <message>
        <source>站长</source>
        <translation>Station head</translation>
    </message>
    <message>
        <source>代理员</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>联络员</source>
        <translation>Liaison</translation>
    </message>
    <message>
        <source>组代理点代理员</source>
        <translation>Group point cadre</translation>
    </message>
    <message>
        <source>镇（街道）</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>县举报电话</source>
        <translation>County complaints line</translation>
    </message>
    <message>
        <source>镇举报电话</source>
        <translation>Township complaints line</translation>
    </message>
    <message>
        <source>来信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>网上举报</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>核查中</source>
        <translation>Investigating</translation>
    </message>
    <message>
        <source>属实</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <source>部分属实</source>
        <translation>Partly upheld</translation>
    </message>
    <message>
        <source>不属实</source>
        <translation>Unfounded</translation>
    </message>
    <message>
        <source>上门走访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>电话问候</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>约见走访</source>
        <translation>Meeting elsewhere</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>登记件数</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>计时办结件数</source>
        <translation>Timed and completed</translation>
    </message>
    <message>
        <source>按时办结</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <source>按时办结率</source>
        <translation>On-time completion rate</translation>
    </message>
    <message>
        <source>用时中位数(时)</source>
        <translation>Median hours</translation>
    </message>
    <message>
        <source>用时90%分位(时)</source>
        <translation>90th percentile hours</translation>
    </message>
    <message>
        <source>超期未办结</source>
        <translation>Overdue, not completed</translation>
    </message>
    <message>
        <source>化解久拖不决</source>
        <translation>Long-standing problems resolved</translation>
    </message>
    <message>
        <source>信访件数</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <source>上年同期信访</source>
        <translation>Petitions same period last year</translation>
    </message>
    <message>
        <source>信访增减</source>
        <translation>Change in petitions</translation>
    </message>
    <message>
        <source>服务群众人数</source>
        <translation>Villagers served</translation>
    </message>
    <message>
        <source>结对帮扶户数</source>
        <translation>Paired households</translation>
    </message>
    <message>
        <source>按计划走访户数</source>
        <translation>Households visited as planned</translation>
    </message>
    <message>
        <source>按计划走访率</source>
        <translation>Visits made as planned</translation>
    </message>
    <message>
        <source>评价件数</source>
        <translation>Rated cases</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>差评</source>
        <translation>Poor ratings</translation>
    </message>
    <message>
        <source>差评已回访</source>
        <translation>Poor ratings revisited</translation>
    </message>
    <message>
        <source>差评已整改</source>
        <translation>Poor ratings put right</translation>
    </message>
    <message>
        <source>被举报</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>举报属实</source>
        <translation>Complaints upheld</translation>
    </message>
    <message>
        <source>举报不属实</source>
        <translation>Complaints unfounded</translation>
    </message>
    <message>
        <source>举报未办结</source>
        <translation>Complaints open</translation>
    </message>
    <message>
        <source>民意代言·受理</source>
        <translation>Opinions accepted</translation>
    </message>
    <message>
        <source>事务代办·受理</source>
        <translation>Errands accepted</translation>
    </message>
    <message>
        <source>诉求代理·受理</source>
        <translation>Claims accepted</translation>
    </message>
    <message>
        <source>民意代言·不予受理</source>
        <translation>Opinions declined</translation>
    </message>
    <message>
        <source>事务代办·不予受理</source>
        <translation>Errands declined</translation>
    </message>
    <message>
        <source>诉求代理·不予受理</source>
        <translation>Claims declined</translation>
    </message>
    <message>
        <source>民意代言·办结</source>
        <translation>Opinions completed</translation>
    </message>
    <message>
        <source>事务代办·办结</source>
        <translation>Errands completed</translation>
    </message>
    <message>
        <source>诉求代理·办结</source>
        <translation>Claims completed</translation>
    </message>
    <message>
        <source>民意代言·撤回</source>
        <translation>Opinions withdrawn</translation>
    </message>
    <message>
        <source>事务代办·撤回</source>
        <translation>Errands withdrawn</translation>
    </message>
    <message>
        <source>诉求代理·撤回</source>
        <translation>Claims withdrawn</translation>
    </message>
    <message>
        <source>路灯照明</source>
        <translation>Street lighting</translation>
    </message>
    <message>
        <source>医疗养老</source>
        <translation>Health and elderly care</translation>
    </message>
    <message>
        <source>饮水供水</source>
        <translation>Drinking water</translation>
    </message>
    <message>
        <source>水利河道</source>
        <translation>Waterways</translation>
    </message>
    <message>
        <source>道路交通</source>
        <translation>Roads and transport</translation>
    </message>
    <message>
        <source>环境卫生</source>
        <translation>Sanitation</translation>
    </message>
    <message>
        <source>便民服务</source>
        <translation>Everyday services</translation>
    </message>
    <message>
        <source>农业生产</source>
        <translation>Farming</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>48小时只计工作日（节假日、周末不计）</source>
        <translation>48 hours of working days (holidays and weekends not counted)</translation>
    </message>
    <message>
        <source>48小时按自然时间连续计算</source>
        <translation>48 hours straight through</translation>
    </message>
    <message>
        <source>法定节假日</source>
        <translation>Public holiday</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>停止办公</source>
        <translation>Office closed</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>周末</source>
        <translation>Weekend</translation>
    </message>
    <message>
        <source>随软件附带（国务院办公厅公布的放假安排）</source>
        <translation>Shipped with the software (the State Council&apos;s published holiday schedule)</translation>
    </message>
    <message>
        <source>尚未公布，暂只按周末计算</source>
        <translation>Not published yet; only weekends are counted for now</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>看不懂考核期“{text}”</source>
        <translation>Cannot read the assessment period “{text}”</translation>
    </message>
    <message>
        <source>考核期的结束日期 {value} 早于开始日期 {value2}</source>
        <translation>The assessment period ends on {value}, before it starts on {value2}</translation>
    </message>
    <message>
        <source>请把开始日期写在前面</source>
        <translation>Put the start date first</translation>
    </message>
    <message>
        <source>日期“{text}”不存在</source>
        <translation>The date “{text}” does not exist</translation>
    </message>
    <message>
        <source>审计记录里不能带密码</source>
        <translation>An audit record may not carry a password</translation>
    </message>
    <message>
        <source>这是程序的错误，请报告</source>
        <translation>This is a fault in the program; please report it</translation>
    </message>
    <message>
        <source>未知的账号事件：{type}</source>
        <translation>Unknown account event: {type}</translation>
    </message>
    <message>
        <source>该账号不存在</source>
        <translation>That account does not exist</translation>
    </message>
    <message>
        <source>未知的设置事件：{type}</source>
        <translation>Unknown settings event: {type}</translation>
    </message>
    <message>
        <source>设置记录里没有改了什么</source>
        <translation>The settings record does not say what changed</translation>
    </message>
    <message>
        <source>该账号已存在</source>
        <translation>That account already exists</translation>
    </message>
    <message>
        <source>{folder} 里还没有建站，没有可备份的数据</source>
        <translation>No station has been set up in {folder} yet; there is nothing to back up</translation>
    </message>
    <message>
        <source>{problem}，不能备份</source>
        <translation>{problem}; cannot back up</translation>
    </message>
    <message>
        <source>请用 haian-desk restore --latest 恢复最新的完好备份</source>
        <translation>Restore the latest sound backup with haian-desk restore --latest</translation>
    </message>
    <message>
        <source>{target} 已经存在，没有覆盖</source>
        <translation>{target} already exists; it was not overwritten</translation>
    </message>
    <message>
        <source>请换一个文件名，或备份到一个文件夹</source>
        <translation>Choose another file name, or back up to a folder</translation>
    </message>
    <message>
        <source>请给出要恢复的备份文件，或者用 --latest</source>
        <translation>Give the backup file to restore, or use --latest</translation>
    </message>
    <message>
        <source>无法写入 {target}（{value}）</source>
        <translation>Cannot write {target} ({value})</translation>
    </message>
    <message>
        <source>请检查U盘是否插好、是否写保护、空间是否够</source>
        <translation>Check that the USB drive is plugged in, not write-protected and has enough space</translation>
    </message>
    <message>
        <source>没有“{word}”这种角色</source>
        <translation>There is no role “{word}”</translation>
    </message>
    <message>
        <source>可选：{items}</source>
        <translation>Choices: {items}</translation>
    </message>
    <message>
        <source>代理员不存在</source>
        <translation>The cadre does not exist</translation>
    </message>
    <message>
        <source>请填写代理员姓名</source>
        <translation>Enter the cadre&apos;s name</translation>
    </message>
    <message>
        <source>姓名太长（最多20个字）</source>
        <translation>The name is too long (at most 20 characters)</translation>
    </message>
    <message>
        <source>代理员的电话要公示，请填写</source>
        <translation>A cadre&apos;s phone number is shown on the public board; please enter it</translation>
    </message>
    <message>
        <source>手机号11位；座机请带区号，如 0513-88123456</source>
        <translation>Mobile numbers have 11 digits; landlines need the area code, e.g. 0513-88123456</translation>
    </message>
    <message>
        <source>请选择代理员所在单位</source>
        <translation>Choose the cadre&apos;s unit</translation>
    </message>
    <message>
        <source>找不到这位代理员</source>
        <translation>Cannot find this cadre</translation>
    </message>
    <message>
        <source>请从代理员名录中选择</source>
        <translation>Choose from the cadre roster</translation>
    </message>
    <message>
        <source>代理员名录里没有“{text}”</source>
        <translation>There is no “{text}” in the cadre roster</translation>
    </message>
    <message>
        <source>用 haian-desk cadres list 查看名录</source>
        <translation>See the roster with haian-desk cadres list</translation>
    </message>
    <message>
        <source>名录里有{n_rows}位“{text}”</source>
        <translation>The roster has {n_rows} cadres named “{text}”</translation>
    </message>
    <message>
        <source>请改用编号（cadres list 的第一列）</source>
        <translation>Use the number instead (first column of cadres list)</translation>
    </message>
    <message>
        <source>{name}已经离任</source>
        <translation>{name} has already left office</translation>
    </message>
    <message>
        <source>{name}在任，不用恢复</source>
        <translation>{name} is in office; nothing to restore</translation>
    </message>
    <message>
        <source>{what}“{text}”不是有效日期</source>
        <translation>{what} “{text}” is not a valid date</translation>
    </message>
    <message>
        <source>请写成 2026-03-04 这样</source>
        <translation>Write it like 2026-03-04</translation>
    </message>
    <message>
        <source>{name}（{phone}）已在代理员名录中</source>
        <translation>{name} ({phone}) is already in the cadre roster</translation>
    </message>
    <message>
        <source>请在名录中选择并修改，不要重复添加</source>
        <translation>Select them in the roster and edit; do not add them twice</translation>
    </message>
    <message>
        <source>离任日期 {day} 早于到任日期 {active_from}</source>
        <translation>The leaving date {day} is before the start date {active_from}</translation>
    </message>
    <message>
        <source>请核对日期</source>
        <translation>Check the dates</translation>
    </message>
    <message>
        <source>代理员</source>
        <translation>the cadre</translation>
    </message>
    <message>
        <source>代理员姓名</source>
        <translation>the cadre&apos;s name</translation>
    </message>
    <message>
        <source>到任日期</source>
        <translation>the start date</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>the post</translation>
    </message>
    <message>
        <source>负责片区</source>
        <translation>the area</translation>
    </message>
    <message>
        <source>离任日期</source>
        <translation>the leaving date</translation>
    </message>
    <message>
        <source>离任原因</source>
        <translation>the reason for leaving</translation>
    </message>
    <message>
        <source>服务事项</source>
        <translation>the services</translation>
    </message>
    <message>
        <source>办件尚未登记，不能办理</source>
        <translation>The case is not registered yet and cannot be handled</translation>
    </message>
    <message>
        <source>请先登记</source>
        <translation>Register it first</translation>
    </message>
    <message>
        <source>未知的办件事件类型：{type}</source>
        <translation>Unknown case event type: {type}</translation>
    </message>
    <message>
        <source>办件当前为“{label}”，不能“{verb}”</source>
        <translation>The case is “{label}”; “{verb}” is not possible now</translation>
    </message>
    <message>
        <source>{what}不正确，应为：{items}</source>
        <translation>{what} is not valid; it should be one of: {items}</translation>
    </message>
    <message>
        <source>材料清单格式不正确</source>
        <translation>The list of materials is malformed</translation>
    </message>
    <message>
        <source>授权委托记录格式不正确</source>
        <translation>The authorisation record is malformed</translation>
    </message>
    <message>
        <source>请注明是否已签署书面授权委托书</source>
        <translation>State whether the written authorisation has been signed</translation>
    </message>
    <message>
        <source>事务代办必须选择具体事项</source>
        <translation>An errand needs a specific catalogue item</translation>
    </message>
    <message>
        <source>请在事项目录中选择</source>
        <translation>Choose one from the catalogue</translation>
    </message>
    <message>
        <source>办理时限类型应为即办或承诺</source>
        <translation>The time limit type must be immediate or promised</translation>
    </message>
    <message>
        <source>请一次性列出所有缺少的材料</source>
        <translation>List all the missing materials at once</translation>
    </message>
    <message>
        <source>请勾选群众补交的材料</source>
        <translation>Tick the materials the villager has brought</translation>
    </message>
    <message>
        <source>只有诉求代理需要授权委托</source>
        <translation>Only claims need an authorisation</translation>
    </message>
    <message>
        <source>打印份次应为从1开始的整数</source>
        <translation>The copy number must be a whole number from 1</translation>
    </message>
    <message>
        <source>请列出参加会办的单位</source>
        <translation>List the units taking part in the joint handling</translation>
    </message>
    <message>
        <source>未获批准的，须写明理由</source>
        <translation>A refusal must give its reason</translation>
    </message>
    <message>
        <source>每件事只评价一次，该办件已经评价过</source>
        <translation>A case is rated only once; this case has already been rated</translation>
    </message>
    <message>
        <source>评价应为五档之一：非常满意、满意、基本满意、不满意、非常不满意</source>
        <translation>The rating must be one of the five: very satisfied, satisfied, fairly satisfied, dissatisfied, very dissatisfied</translation>
    </message>
    <message>
        <source>不满意或非常不满意的评价须写明原因</source>
        <translation>A dissatisfied or very dissatisfied rating needs a reason</translation>
    </message>
    <message>
        <source>只有差评需要整改记录</source>
        <translation>Only a poor rating needs a correction record</translation>
    </message>
    <message>
        <source>请写明裁定了几处冲突</source>
        <translation>State how many conflicts were resolved</translation>
    </message>
    <message>
        <source>该办件没有待核对的冲突</source>
        <translation>This case has no conflicts waiting to be checked</translation>
    </message>
    <message>
        <source>该办件已登记过，不能重复登记</source>
        <translation>This case is already registered; it cannot be registered twice</translation>
    </message>
    <message>
        <source>紧急事项必须在登记时约定办结时限</source>
        <translation>An urgent matter needs an agreed deadline at registration</translation>
    </message>
    <message>
        <source>紧急事项的办结时限必须晚于现在</source>
        <translation>The deadline of an urgent matter must be later than now</translation>
    </message>
    <message>
        <source>补正材料须一次性告知，不能再追加：{items}</source>
        <translation>Missing materials must be listed all at once; nothing can be added later: {items}</translation>
    </message>
    <message>
        <source>只能列出第一次告知过、群众仍未交齐的材料</source>
        <translation>Only materials listed the first time and still not handed in can be listed</translation>
    </message>
    <message>
        <source>代办事项</source>
        <translation>the errand item</translation>
    </message>
    <message>
        <source>委托范围</source>
        <translation>the authorisation scope</translation>
    </message>
    <message>
        <source>委托日期</source>
        <translation>the authorisation date</translation>
    </message>
    <message>
        <source>办结时限</source>
        <translation>the deadline</translation>
    </message>
    <message>
        <source>还有{count}处没有填：{names}</source>
        <translation>{count} fields are still empty: {names}</translation>
    </message>
    <message>
        <source>请按红字逐项补上</source>
        <translation>Fill them in one by one, as marked in red</translation>
    </message>
    <message>
        <source>请先选择或新建群众</source>
        <translation>Choose or add a villager first</translation>
    </message>
    <message>
        <source>在“群众”一栏输入姓名、拼音、身份证号或电话查找</source>
        <translation>Type a name, pinyin, ID number or phone number in the “Villager” box to find them</translation>
    </message>
    <message>
        <source>请选择服务类型：民意代言、事务代办或诉求代理</source>
        <translation>Choose the kind of service: opinion, errand or claim</translation>
    </message>
    <message>
        <source>请填写授权委托的范围</source>
        <translation>Enter the scope of the authorisation</translation>
    </message>
    <message>
        <source>请填写授权委托的日期</source>
        <translation>Enter the date of the authorisation</translation>
    </message>
    <message>
        <source>请填写诉求内容</source>
        <translation>Enter the request</translation>
    </message>
    <message>
        <source>请选择首问责任人</source>
        <translation>Choose the first-contact cadre</translation>
    </message>
    <message>
        <source>谁接待群众，谁就负责到底</source>
        <translation>Whoever receives the villager is responsible to the end</translation>
    </message>
    <message>
        <source>新办件请用受理登记</source>
        <translation>Register new cases through Intake</translation>
    </message>
    <message>
        <source>找不到这位群众</source>
        <translation>Cannot find this villager</translation>
    </message>
    <message>
        <source>请先在群众名册中选择或新建</source>
        <translation>Choose or add them in the villager register first</translation>
    </message>
    <message>
        <source>这位代理员已停用</source>
        <translation>This cadre has been deactivated</translation>
    </message>
    <message>
        <source>请选择在岗的代理员</source>
        <translation>Choose a cadre who is on duty</translation>
    </message>
    <message>
        <source>“{name}”须本人到场办理，不能代办</source>
        <translation>“{name}” must be done in person; it cannot be done by proxy</translation>
    </message>
    <message>
        <source>请告诉群众办理地点和要带的材料（指引）</source>
        <translation>Tell the villager where to go and what to bring (guidance)</translation>
    </message>
    <message>
        <source>找不到这件办件</source>
        <translation>Cannot find this case</translation>
    </message>
    <message>
        <source>请从办件列表中重新打开</source>
        <translation>Open it again from the case list</translation>
    </message>
    <message>
        <source>{days}天</source>
        <translation>{days} d</translation>
    </message>
    <message>
        <source>不到1分钟</source>
        <translation>under 1 min</translation>
    </message>
    <message>
        <source>{minutes}分钟</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours}小时</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{days}天{hours}小时</source>
        <translation>{days} d {hours} h</translation>
    </message>
    <message>
        <source>还剩{span}</source>
        <translation>{span} left</translation>
    </message>
    <message>
        <source>事项：{value}</source>
        <translation>Matter: {value}</translation>
    </message>
    <message>
        <source>内容：{value}</source>
        <translation>Request: {value}</translation>
    </message>
    <message>
        <source>已收材料：{value}</source>
        <translation>Materials received: {value}</translation>
    </message>
    <message>
        <source>首问责任人：{value}</source>
        <translation>First-contact cadre: {value}</translation>
    </message>
    <message>
        <source>已签书面委托书</source>
        <translation>Written authorisation signed</translation>
    </message>
    <message>
        <source>未签书面委托书</source>
        <translation>Written authorisation not signed</translation>
    </message>
    <message>
        <source>委托范围：{value}</source>
        <translation>Scope: {value}</translation>
    </message>
    <message>
        <source>日期：{value}</source>
        <translation>Date: {value}</translation>
    </message>
    <message>
        <source>理由：{value}</source>
        <translation>Reason: {value}</translation>
    </message>
    <message>
        <source>转至{level}：{unit}</source>
        <translation>To {level}: {unit}</translation>
    </message>
    <message>
        <source>转送{level}：{unit}</source>
        <translation>Sent on to {level}: {unit}</translation>
    </message>
    <message>
        <source>暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <source>群众签字后方可受理</source>
        <translation>Can be accepted once the villager has signed</translation>
    </message>
    <message>
        <source>即办，不计时</source>
        <translation>Immediate, not timed</translation>
    </message>
    <message>
        <source>已超期 {span}</source>
        <translation>overdue by {span}</translation>
    </message>
    <message>
        <source>开始计时</source>
        <translation>Clock started</translation>
    </message>
    <message>
        <source>群众可以：{value}</source>
        <translation>The villager can: {value}</translation>
    </message>
    <message>
        <source>一次性告知缺少：{value}</source>
        <translation>Missing (listed at once): {value}</translation>
    </message>
    <message>
        <source>补交：{value}</source>
        <translation>Handed in: {value}</translation>
    </message>
    <message>
        <source>签字日期：{value}</source>
        <translation>Date signed: {value}</translation>
    </message>
    <message>
        <source>经办人：{value}</source>
        <translation>Handler: {value}</translation>
    </message>
    <message>
        <source>办理情况：{value}</source>
        <translation>Outcome: {value}</translation>
    </message>
    <message>
        <source>会办单位：{value}</source>
        <translation>Units: {value}</translation>
    </message>
    <message>
        <source>结果：{value}</source>
        <translation>Result: {value}</translation>
    </message>
    <message>
        <source>方式：{value}</source>
        <translation>By: {value}</translation>
    </message>
    <message>
        <source>原因：{value}</source>
        <translation>Reason: {value}</translation>
    </message>
    <message>
        <source>文书：{value}</source>
        <translation>Paper: {value}</translation>
    </message>
    <message>
        <source>第{copy}份</source>
        <translation>copy {copy}</translation>
    </message>
    <message>
        <source>{unit}已接收</source>
        <translation>Received by {unit}</translation>
    </message>
    <message>
        <source>裁定：{value}</source>
        <translation>Decision: {value}</translation>
    </message>
    <message>
        <source>{hours}小时内</source>
        <translation>within {hours} h</translation>
    </message>
    <message>
        <source>明天中午前（12:00）</source>
        <translation>by noon tomorrow (12:00)</translation>
    </message>
    <message>
        <source>继续计时</source>
        <translation>Clock resumed</translation>
    </message>
    <message>
        <source>今天下班前（17:30）</source>
        <translation>by end of today (17:30)</translation>
    </message>
    <message>
        <source>没有编号为 {case_no} 的办件</source>
        <translation>There is no case numbered {case_no}</translation>
    </message>
    <message>
        <source>请核对编号</source>
        <translation>Check the number</translation>
    </message>
    <message>
        <source>同步程序会自动分小批重发；如仍不行请联系{centre}调大上限</source>
        <translation>Sync will resend in smaller batches by itself; if it still fails, ask the {centre} to raise the limit</translation>
    </message>
    <message>
        <source>同步程序会按{centre}的时间自动重发</source>
        <translation>Sync will resend by itself using the {centre}&apos;s time</translation>
    </message>
    <message>
        <source>请填写事项编码</source>
        <translation>Enter the item code</translation>
    </message>
    <message>
        <source>请填写事项名称</source>
        <translation>Enter the item name</translation>
    </message>
    <message>
        <source>办理层级应为村、镇或县</source>
        <translation>The level must be village, township or county</translation>
    </message>
    <message>
        <source>办理类型应为即办或承诺</source>
        <translation>The handling type must be immediate or promised</translation>
    </message>
    <message>
        <source>事项目录中没有编码为 {code} 的事项</source>
        <translation>The catalogue has no item with code {code}</translation>
    </message>
    <message>
        <source>承诺件须写明办理时限（小时、天或工作日）</source>
        <translation>A promised item needs a time limit (hours, days or working days)</translation>
    </message>
    <message>
        <source>没有“{status}”这种状态</source>
        <translation>There is no status “{status}”</translation>
    </message>
    <message>
        <source>请用环境变量 HAIAN_DESK_ADMIN_PASSWORD 提供管理员密码</source>
        <translation>Give the administrator password in the environment variable HAIAN_DESK_ADMIN_PASSWORD</translation>
    </message>
    <message>
        <source>没有这件举报的记录</source>
        <translation>There is no record of this complaint</translation>
    </message>
    <message>
        <source>这件举报已经办结</source>
        <translation>This complaint is already closed</translation>
    </message>
    <message>
        <source>如有新情况，请另行登记一件举报</source>
        <translation>If there is something new, register another complaint</translation>
    </message>
    <message>
        <source>收到举报的时间不能晚于现在</source>
        <translation>The time the complaint was received cannot be later than now</translation>
    </message>
    <message>
        <source>请核对被举报的办件编号，或留空</source>
        <translation>Check the number of the case complained about, or leave it empty</translation>
    </message>
    <message>
        <source>找不到被举报的代理员</source>
        <translation>Cannot find the cadre complained about</translation>
    </message>
    <message>
        <source>没有“{status}”这种举报状态</source>
        <translation>There is no complaint status “{status}”</translation>
    </message>
    <message>
        <source>找不到这件举报</source>
        <translation>Cannot find this complaint</translation>
    </message>
    <message>
        <source>这件举报已经登记过</source>
        <translation>This complaint is already registered</translation>
    </message>
    <message>
        <source>未知的举报事件：{type}</source>
        <translation>Unknown complaint event: {type}</translation>
    </message>
    <message>
        <source>请从举报列表中重新选择</source>
        <translation>Choose it again from the complaint list</translation>
    </message>
    <message>
        <source>办结前请写明核查情况</source>
        <translation>Write down the findings before closing</translation>
    </message>
    <message>
        <source>请填写本站名称</source>
        <translation>Enter the station&apos;s name</translation>
    </message>
    <message>
        <source>例如：曲塘镇杨庄村代理站</source>
        <translation>For example: Yangzhuang Village Station, Qutang Town</translation>
    </message>
    <message>
        <source>请设置本站口令（用来加密本站数据）</source>
        <translation>Set the station passphrase (it encrypts this station&apos;s data)</translation>
    </message>
    <message>
        <source>命令行请用环境变量 {PASSPHRASE_ENV} 提供，至少{MIN_PASSPHRASE}个字符</source>
        <translation>On the command line give it in the environment variable {PASSPHRASE_ENV}, at least {MIN_PASSPHRASE} characters</translation>
    </message>
    <message>
        <source>{folder} 里已经建过站</source>
        <translation>A station has already been set up in {folder}</translation>
    </message>
    <message>
        <source>如要重建，请先备份并换一个数据目录</source>
        <translation>To set it up again, back up first and use another data folder</translation>
    </message>
    <message>
        <source>数据库里没有本站信息</source>
        <translation>The database holds no information about this station</translation>
    </message>
    <message>
        <source>请先完成首次设置（haian-desk init）</source>
        <translation>Complete the first-run setup first (haian-desk init)</translation>
    </message>
    <message>
        <source>{folder} 里还没有建站</source>
        <translation>No station has been set up in {folder} yet</translation>
    </message>
    <message>
        <source>请先运行 haian-desk init 或在程序里完成首次设置</source>
        <translation>Run haian-desk init first, or complete the first-run setup in the app</translation>
    </message>
    <message>
        <source>数据库文件是空的（0字节），已损坏</source>
        <translation>The database file is empty (0 bytes) and damaged</translation>
    </message>
    <message>
        <source>没有“{doc}”这种文书</source>
        <translation>There is no document “{doc}”</translation>
    </message>
    <message>
        <source>只有诉求代理需要授权委托书</source>
        <translation>Only claims need an authorisation form</translation>
    </message>
    <message>
        <source>这件办件还没有办结，不能打印办结告知单</source>
        <translation>This case is not completed yet; the completion notice cannot be printed</translation>
    </message>
    <message>
        <source>办结后再打印</source>
        <translation>Print it after completion</translation>
    </message>
    <message>
        <source>这件办件没有登记“不予受理”，不能打印不予受理告知书</source>
        <translation>This case was not refused; the refusal notice cannot be printed</translation>
    </message>
    <message>
        <source>这件办件没有待补的材料，不用打印补正告知单</source>
        <translation>This case has no missing materials; no notice of missing materials is needed</translation>
    </message>
    <message>
        <source>先在办件中登记“一次性告知补正”</source>
        <translation>First record “notify missing materials at once” in the case</translation>
    </message>
    <message>
        <source>身份证号中的出生日期 {text} 不合理</source>
        <translation>The date of birth {text} in the ID number is not plausible</translation>
    </message>
    <message>
        <source>请核对第7至14位</source>
        <translation>Check digits 7 to 14</translation>
    </message>
    <message>
        <source>“{raw}”是被表格存成数字（科学计数法）的身份证号，后几位已经丢失</source>
        <translation>“{raw}” is an ID number a spreadsheet stored as a number (scientific notation); its last digits are lost</translation>
    </message>
    <message>
        <source>请对照身份证重新输入完整的18位号码</source>
        <translation>Type the full 18-digit number again from the ID card</translation>
    </message>
    <message>
        <source>身份证号里有“{value}”，号码只能由数字和X组成</source>
        <translation>The ID number contains “{value}”; it may only contain digits and X</translation>
    </message>
    <message>
        <source>请删去多余的字符后重新输入</source>
        <translation>Delete the extra characters and type it again</translation>
    </message>
    <message>
        <source>身份证号应为18位（或旧的15位），现在是{n_text}位</source>
        <translation>An ID number has 18 digits (or 15 for old ones); this one has {n_text}</translation>
    </message>
    <message>
        <source>请核对号码</source>
        <translation>Check the number</translation>
    </message>
    <message>
        <source>身份证号前17位应为数字，最后一位为数字或X</source>
        <translation>The first 17 characters of an ID number are digits, the last is a digit or X</translation>
    </message>
    <message>
        <source>身份证号校验位不对，号码中有输错的数字</source>
        <translation>The ID number&apos;s check digit is wrong; a digit was mistyped</translation>
    </message>
    <message>
        <source>请对照身份证逐位核对</source>
        <translation>Check it digit by digit against the ID card</translation>
    </message>
    <message>
        <source>身份证号中的出生日期 {text} 不是有效日期</source>
        <translation>The date of birth {text} in the ID number is not a valid date</translation>
    </message>
    <message>
        <source>15位身份证号只能由数字组成</source>
        <translation>A 15-digit ID number may only contain digits</translation>
    </message>
    <message>
        <source>代理员的电话要公示，这一行没有电话</source>
        <translation>A cadre&apos;s phone is shown on the public board; this row has none</translation>
    </message>
    <message>
        <source>请用环境变量 {env} 提供密码</source>
        <translation>Give the password in the environment variable {env}</translation>
    </message>
    <message>
        <source>密码不写在命令行上（会留在命令历史里）</source>
        <translation>Passwords are not given on the command line (they would stay in the command history)</translation>
    </message>
    <message>
        <source>请去掉它们再运行（中心数据库不记地址电话）</source>
        <translation>Leave them out and run it again (a centre&apos;s database keeps no address or phone)</translation>
    </message>
    <message>
        <source>请补上电话后再导入</source>
        <translation>Add the phone number, then import again</translation>
    </message>
    <message>
        <source>{header}“{written}”看不懂</source>
        <translation>{header} “{written}” cannot be read</translation>
    </message>
    <message>
        <source>请写“是”或“否”</source>
        <translation>Write 是 (yes) or 否 (no)</translation>
    </message>
    <message>
        <source>与本文件第{earlier}行是同一位代理员（姓名相同），不重复导入</source>
        <translation>Same cadre as row {earlier} of this file (same name); not imported twice</translation>
    </message>
    <message>
        <source>请删去重复的一行</source>
        <translation>Delete the repeated row</translation>
    </message>
    <message>
        <source>请填 民意代言、事务代办 或 诉求代理</source>
        <translation>Write 民意代言, 事务代办 or 诉求代理</translation>
    </message>
    <message>
        <source>请写 非常满意、满意、基本满意、不满意 或 非常不满意</source>
        <translation>Write 非常满意, 满意, 基本满意, 不满意 or 非常不满意</translation>
    </message>
    <message>
        <source>{header}是空的</source>
        <translation>{header} is empty</translation>
    </message>
    <message>
        <source>事项和内容都是空的</source>
        <translation>Both the matter and the request are empty</translation>
    </message>
    <message>
        <source>请写明群众要办的事</source>
        <translation>Write down what the villager needs done</translation>
    </message>
    <message>
        <source>{header} {at:%Y-%m-%d} 在今天之后</source>
        <translation>{header} {at:%Y-%m-%d} is after today</translation>
    </message>
    <message>
        <source>历史台账的日期不能晚于今天，请核对</source>
        <translation>Dates in a past ledger cannot be later than today; check it</translation>
    </message>
    <message>
        <source>{header} {at:%Y-%m-%d} 太早了</source>
        <translation>{header} {at:%Y-%m-%d} is too early</translation>
    </message>
    <message>
        <source>请核对年份</source>
        <translation>Check the year</translation>
    </message>
    <message>
        <source>{header} {done:%Y-%m-%d} 早于登记日期 {registered_at:%Y-%m-%d}</source>
        <translation>{header} {done:%Y-%m-%d} is before the registration date {registered_at:%Y-%m-%d}</translation>
    </message>
    <message>
        <source>请核对两个日期</source>
        <translation>Check both dates</translation>
    </message>
    <message>
        <source>办理结果为未获批准，但没有写理由</source>
        <translation>The result is “not approved” but gives no reason</translation>
    </message>
    <message>
        <source>请在办理结果中写明理由</source>
        <translation>Write the reason in the result</translation>
    </message>
    <message>
        <source>名册中有{n_same}位“{name}”，分不清是哪一位</source>
        <translation>The register has {n_same} people named “{name}”; cannot tell which</translation>
    </message>
    <message>
        <source>请在台账中填写身份证号</source>
        <translation>Fill in the ID number in the ledger</translation>
    </message>
    <message>
        <source>请写明经办的代理员</source>
        <translation>Name the cadre who handled it</translation>
    </message>
    <message>
        <source>{header}“{name}”不在代理员名录中</source>
        <translation>{header} “{name}” is not in the cadre roster</translation>
    </message>
    <message>
        <source>请先添加或导入代理员（haian-desk import cadres 文件）</source>
        <translation>Add or import the cadres first (haian-desk import cadres FILE)</translation>
    </message>
    <message>
        <source>与本文件第{earlier}行是同一件事（日期、群众、内容相同），不重复导入</source>
        <translation>Same matter as row {earlier} of this file (same date, villager and request); not imported twice</translation>
    </message>
    <message>
        <source>没有办结日期，却有群众评价</source>
        <translation>There is a rating but no completion date</translation>
    </message>
    <message>
        <source>请补上办结日期</source>
        <translation>Add the completion date</translation>
    </message>
    <message>
        <source>写了办理结果“{result_text}”，却没有办结日期</source>
        <translation>The result “{result_text}” is given but no completion date</translation>
    </message>
    <message>
        <source>请补上办结日期；还在办的，办理结果写“办理中”或留空</source>
        <translation>Add the completion date; for a matter still open, write 办理中 or leave the result empty</translation>
    </message>
    <message>
        <source>“{header}”列被存成了数字（如 3.20621E+17），超过15位的数字后几位已经丢失</source>
        <translation>The “{header}” column was stored as numbers (e.g. 3.20621E+17); digits beyond the 15th are lost</translation>
    </message>
    <message>
        <source>请在 Excel/WPS 中把这一列设为“文本”格式，再重新录入{header}（只改格式找不回丢失的数字）</source>
        <translation>In Excel/WPS set this column to “Text” and type {header} again (changing the format alone does not bring lost digits back)</translation>
    </message>
    <message>
        <source>{header}“{raw}”不是日期</source>
        <translation>{header} “{raw}” is not a date</translation>
    </message>
    <message>
        <source>请写成 2024-05-06 这样的日期</source>
        <translation>Write dates like 2024-05-06</translation>
    </message>
    <message>
        <source>{header}“{raw}”不存在（没有这一天）</source>
        <translation>{header} “{raw}” does not exist (no such day)</translation>
    </message>
    <message>
        <source>请核对年月日</source>
        <translation>Check the year, month and day</translation>
    </message>
    <message>
        <source>没有这些字段：{items}</source>
        <translation>No such fields: {items}</translation>
    </message>
    <message>
        <source>可用字段：{items2}</source>
        <translation>Fields available: {items2}</translation>
    </message>
    <message>
        <source>对应关系“{item}”看不懂</source>
        <translation>Cannot read the mapping “{item}”</translation>
    </message>
    <message>
        <source>请写成 表头=字段，例如 手机=phone</source>
        <translation>Write it as header=field, e.g. 手机=phone</translation>
    </message>
    <message>
        <source>不能导出“{kind}”</source>
        <translation>Cannot export “{kind}”</translation>
    </message>
    <message>
        <source>可以导出：villagers（群众）、cases（台账）</source>
        <translation>Can export: villagers, cases (the ledger)</translation>
    </message>
    <message>
        <source>请换一个文件名</source>
        <translation>Choose another file name</translation>
    </message>
    <message>
        <source>导出文件应以 .xlsx 结尾：{name}</source>
        <translation>An export file must end in .xlsx: {name}</translation>
    </message>
    <message>
        <source>例如：名册.xlsx</source>
        <translation>For example: register.xlsx</translation>
    </message>
    <message>
        <source>请换一个位置或文件名</source>
        <translation>Choose another place or file name</translation>
    </message>
    <message>
        <source>{file_name} {where}里找不到{need}</source>
        <translation>{file_name} {where}: cannot find {need}</translation>
    </message>
    <message>
        <source>请确认表头一行写着“姓名”等列名；列名不同的，可以在导入时指定对应关系</source>
        <translation>Check that the header row names the columns (姓名 and so on); if the names differ, map them when importing</translation>
    </message>
    <message>
        <source>不能导入“{kind}”</source>
        <translation>Cannot import “{kind}”</translation>
    </message>
    <message>
        <source>可以导入：villagers（群众）、cases（台账）、cadres（代理员）</source>
        <translation>Can import: villagers, cases (the ledger), cadres</translation>
    </message>
    <message>
        <source>表头行号应从1开始，而不是 {header_row}</source>
        <translation>Header row numbers start at 1, not {header_row}</translation>
    </message>
    <message>
        <source>文件里没有名为“{sheet}”的工作表</source>
        <translation>The file has no sheet named “{sheet}”</translation>
    </message>
    <message>
        <source>文件里的工作表：{items}</source>
        <translation>Sheets in the file: {items}</translation>
    </message>
    <message>
        <source>{name} 设了打开密码，无法读取</source>
        <translation>{name} has an opening password and cannot be read</translation>
    </message>
    <message>
        <source>请在 Excel 或 WPS 中打开它，去掉密码后另存一份再导入</source>
        <translation>Open it in Excel or WPS, remove the password, save a copy and import that</translation>
    </message>
    <message>
        <source>{name} 不是表格文件</source>
        <translation>{name} is not a spreadsheet</translation>
    </message>
    <message>
        <source>请选择 Excel/WPS 表格（.xls、.xlsx）、.ods 或 .csv 文件</source>
        <translation>Choose an Excel/WPS spreadsheet (.xls, .xlsx), an .ods or a .csv file</translation>
    </message>
    <message>
        <source>找不到文件 {name}</source>
        <translation>Cannot find the file {name}</translation>
    </message>
    <message>
        <source>请重新选择文件</source>
        <translation>Choose the file again</translation>
    </message>
    <message>
        <source>{name} 是空文件</source>
        <translation>{name} is an empty file</translation>
    </message>
    <message>
        <source>请确认选对了文件，文件里要有表头和数据</source>
        <translation>Make sure it is the right file; it needs a header row and data</translation>
    </message>
    <message>
        <source>{name} 里没有数据</source>
        <translation>{name} holds no data</translation>
    </message>
    <message>
        <source>文件的文字编码无法识别</source>
        <translation>The file&apos;s text encoding cannot be recognised</translation>
    </message>
    <message>
        <source>请在 Excel 或 WPS 中另存为“CSV UTF-8”或 .xlsx 后再导入</source>
        <translation>In Excel or WPS save it as “CSV UTF-8” or .xlsx, then import it</translation>
    </message>
    <message>
        <source>{what}是空的</source>
        <translation>{what} is empty</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <source>{what}“{name}”中有“{items}”，不像是人名</source>
        <translation>{what} “{name}” contains “{items}”; it does not look like a name</translation>
    </message>
    <message>
        <source>请只填写姓名，说明写到备注里</source>
        <translation>Enter only the name; put remarks in the note</translation>
    </message>
    <message>
        <source>{what}“{name}”中的“·”位置不对</source>
        <translation>The “·” in {what} “{name}” is in the wrong place</translation>
    </message>
    <message>
        <source>少数民族姓名写成 阿依古丽·买买提 这样</source>
        <translation>Names of ethnic minorities are written like 阿依古丽·买买提</translation>
    </message>
    <message>
        <source>没有编号为 {import_id} 的导入</source>
        <translation>There is no import numbered {import_id}</translation>
    </message>
    <message>
        <source>请用 haian-desk import list 查看导入记录</source>
        <translation>See the imports with haian-desk import list</translation>
    </message>
    <message>
        <source>这次导入已在 {undone_at} 撤销过</source>
        <translation>This import was already undone at {undone_at}</translation>
    </message>
    <message>
        <source>性别“{written}”看不懂</source>
        <translation>Cannot read the gender “{written}”</translation>
    </message>
    <message>
        <source>请写“男”或“女”</source>
        <translation>Write 男 (male) or 女 (female)</translation>
    </message>
    <message>
        <source>性别写的是“{written}”，身份证号表明是“{gender}”</source>
        <translation>The gender says “{written}” but the ID number says “{gender}”</translation>
    </message>
    <message>
        <source>请核对身份证号和性别</source>
        <translation>Check the ID number and the gender</translation>
    </message>
    <message>
        <source>与本文件第{earlier}行是同一人（{same}），不重复导入</source>
        <translation>Same person as row {earlier} of this file ({same}); not imported twice</translation>
    </message>
    <message>
        <source>导入已取消，没有写入任何数据</source>
        <translation>Import cancelled; nothing was written</translation>
    </message>
    <message>
        <source>角色应为 station（代理站）或 township（代理中心）</source>
        <translation>The role must be station or township</translation>
    </message>
    <message>
        <source>单位代码应为数字：镇9位，村12位，组15位（村代码+3位组号）</source>
        <translation>The unit code must be digits: 9 for a township, 12 for a village, 15 for a group (village code + 3-digit group number)</translation>
    </message>
    <message>
        <source>请对照统计用区划代码填写</source>
        <translation>Use the statistical division codes</translation>
    </message>
    <message>
        <source>代理中心的单位代码应为9位镇（街道）代码</source>
        <translation>A township centre&apos;s unit code is its 9-digit township (subdistrict) code</translation>
    </message>
    <message>
        <source>代理站的单位代码应为12位村代码（组代理点为15位）</source>
        <translation>A station&apos;s unit code is its 12-digit village code (15 digits for a group point)</translation>
    </message>
    <message>
        <source>代码 {value} 不是已知的镇（街道）</source>
        <translation>Code {value} is not a known township (subdistrict)</translation>
    </message>
    <message>
        <source>已知的有：{known}</source>
        <translation>Known ones: {known}</translation>
    </message>
    <message>
        <source>县级代理中心的单位代码应为6位县（市）代码 {code}</source>
        <translation>A county centre&apos;s unit code is the 6-digit county (city) code {code}</translation>
    </message>
    <message>
        <source>{what}里有无法识别的字符（可能是复制粘贴时损坏的）</source>
        <translation>{what} contains characters that cannot be recognised (perhaps damaged by copy and paste)</translation>
    </message>
    <message>
        <source>请删去后重新输入{what}</source>
        <translation>Delete them and type {what} again</translation>
    </message>
    <message>
        <source>本站刚从备份恢复，还不知道编号用到了哪里，暂不能登记或办理</source>
        <translation>This station was just restored from a backup and does not yet know where its numbering stood, so it cannot register or handle matters yet</translation>
    </message>
    <message>
        <source>请先联网同步一次（镇中心会告知编号用到了哪里）；确实无法联网时，请在“同步”页面（或 haian-desk numbering --offline）确认离线继续办理</source>
        <translation>Sync once first (the township will say where the numbering stood); if there is truly no network, confirm working offline on the Sync page (or haian-desk numbering --offline)</translation>
    </message>
    <message>
        <source>请用 --as 说明是谁确认离线办理的</source>
        <translation>Say with --as who confirms working offline</translation>
    </message>
    <message>
        <source>例如：haian-desk numbering --offline --as clerk</source>
        <translation>For example: haian-desk numbering --offline --as clerk</translation>
    </message>
    <message>
        <source>没有这次座谈会的记录</source>
        <translation>There is no record of this meeting</translation>
    </message>
    <message>
        <source>请先记录座谈会</source>
        <translation>Record the meeting first</translation>
    </message>
    <message>
        <source>请填写参加人员或人数</source>
        <translation>Enter the participants or their number</translation>
    </message>
    <message>
        <source>找不到这次座谈会的记录</source>
        <translation>Cannot find the record of this meeting</translation>
    </message>
    <message>
        <source>请从座谈会列表中重新选择</source>
        <translation>Choose it again from the meeting list</translation>
    </message>
    <message>
        <source>找不到这条民意</source>
        <translation>Cannot find this opinion</translation>
    </message>
    <message>
        <source>请从民意列表中选择</source>
        <translation>Choose it from the opinion list</translation>
    </message>
    <message>
        <source>{case_no} 不是民意代言件</source>
        <translation>{case_no} is not an opinion case</translation>
    </message>
    <message>
        <source>座谈会讨论的应是群众的意见建议</source>
        <translation>A meeting discusses villagers&apos; opinions and suggestions</translation>
    </message>
    <message>
        <source>这次座谈会已经记录过</source>
        <translation>This meeting has already been recorded</translation>
    </message>
    <message>
        <source>未知的座谈会事件：{type}</source>
        <translation>Unknown meeting event: {type}</translation>
    </message>
    <message>
        <source>请核对办件编号</source>
        <translation>Check the case number</translation>
    </message>
    <message>
        <source>数据目录 {folder} 是一个文件，不是文件夹</source>
        <translation>The data folder {folder} is a file, not a folder</translation>
    </message>
    <message>
        <source>请用 --data-dir 指定一个文件夹（没有会自动新建）</source>
        <translation>Give a folder with --data-dir (it is created if missing)</translation>
    </message>
    <message>
        <source>数据目录不能写入（{folder}）</source>
        <translation>The data folder cannot be written ({folder})</translation>
    </message>
    <message>
        <source>请检查文件夹权限、U盘写保护，或换一个数据目录；已保存的数据没有丢失</source>
        <translation>Check the folder&apos;s permissions or the USB drive&apos;s write protection, or use another data folder; nothing saved was lost</translation>
    </message>
    <message>
        <source>没有说明是谁在{doing}</source>
        <translation>Nobody is named as {doing}</translation>
    </message>
    <message>
        <source>命令行请加 --actor 登录名（或 --as 登录名）</source>
        <translation>On the command line add --actor LOGIN (or --as LOGIN)</translation>
    </message>
    <message>
        <source>系统不能代替工作人员{doing}</source>
        <translation>The system cannot {doing} in place of a member of staff</translation>
    </message>
    <message>
        <source>请用本人的账号登录后再办</source>
        <translation>Log in with your own account and try again</translation>
    </message>
    <message>
        <source>“{actor}”不是本站的账号，不能{doing}</source>
        <translation>&quot;{actor}&quot; is not an account of this station and cannot {doing}</translation>
    </message>
    <message>
        <source>请用本站的账号登录后再办</source>
        <translation>Log in with an account of this station and try again</translation>
    </message>
    <message>
        <source>账号“{actor}”已停用，不能{doing}</source>
        <translation>Account &quot;{actor}&quot; is stopped and cannot {doing}</translation>
    </message>
    <message>
        <source>{value}不能{doing}</source>
        <translation>{value} may not {doing}</translation>
    </message>
    <message>
        <source>请{who_may}办理</source>
        <translation>Please ask {who_may} to do this</translation>
    </message>
    <message>
        <source>不是有效的电话号码</source>
        <translation>Not a valid phone number</translation>
    </message>
    <message>
        <source>电话号码只能包含数字</source>
        <translation>A phone number may only contain digits</translation>
    </message>
    <message>
        <source>请重新输入，例如 13812345678</source>
        <translation>Type it again, e.g. 13812345678</translation>
    </message>
    <message>
        <source>手机号应为11位，现在是{n_text}位</source>
        <translation>A mobile number has 11 digits; this one has {n_text}</translation>
    </message>
    <message>
        <source>发出这一批的上级（{peer}）不是本中心登记的上级，或已被注销，不能接收</source>
        <translation>The higher centre that sent this batch ({peer}) is not this centre&apos;s enrolled higher centre, or has been revoked: it cannot be received</translation>
    </message>
    <message>
        <source>请检查导入的回执是不是本中心上级发来的</source>
        <translation>Check that the reply being imported came from this centre&apos;s higher centre</translation>
    </message>
    <message>
        <source>这一批有 {refused} 条记录不能接收，超过了每批 {MAX_REJECTED_PER_BATCH} 条的上限，整批未导入</source>
        <translation>{refused} records of this batch cannot be accepted, more than the {MAX_REJECTED_PER_BATCH} allowed per batch; the whole batch was not imported</translation>
    </message>
    <message>
        <source>发出方的数据可能已损坏或被篡改；请联系镇中心核查该站的电脑</source>
        <translation>The sender&apos;s data may be damaged or tampered with; ask the township centre to check that station&apos;s PC</translation>
    </message>
    <message>
        <source>“{unit_name}”暂存待核查的记录已有 {open_now} 条，超过上限 {MAX_QUARANTINE_PER_PEER} 条，这一批未导入</source>
        <translation>“{unit_name}” already has {open_now} records held for checking, more than the limit of {MAX_QUARANTINE_PER_PEER}; this batch was not imported</translation>
    </message>
    <message>
        <source>请工作人员先核查并处理暂存的记录，再同步</source>
        <translation>Staff must first check and settle the held records, then sync</translation>
    </message>
    <message>
        <source>请填写{what}</source>
        <translation>Enter {what}</translation>
    </message>
    <message>
        <source>现在可以：{actions}</source>
        <translation>What can be recorded now: {actions}</translation>
    </message>
    <message>
        <source>例如：haian-desk restore E:\备份.hdbackup</source>
        <translation>For example: haian-desk restore E:\backup.hdbackup</translation>
    </message>
    <message>
        <source>{parent} 空间不够，备份没有做成</source>
        <translation>Not enough space on {parent}; the backup was not made</translation>
    </message>
    <message>
        <source>请换一个有空间的U盘，或删掉不用的文件后再备份</source>
        <translation>Use a USB drive with space, or delete unused files, then back up again</translation>
    </message>
    <message>
        <source>恢复到这台电脑需要本站口令</source>
        <translation>Restoring onto this PC needs the station passphrase</translation>
    </message>
    <message>
        <source>请输入本站口令；命令行可用环境变量 {PASSPHRASE_ENV} 提供</source>
        <translation>Enter the station passphrase; on the command line give it in the environment variable {PASSPHRASE_ENV}</translation>
    </message>
    <message>
        <source>受理时刻“{start}”看不懂</source>
        <translation>Cannot read the acceptance time “{start}”</translation>
    </message>
    <message>
        <source>请写成 2026-09-30T10:00</source>
        <translation>Write it like 2026-09-30T10:00</translation>
    </message>
    <message>
        <source>{where}日期“{text}”看不懂</source>
        <translation>{where}cannot read the date “{text}”</translation>
    </message>
    <message>
        <source>日期请写成 2027-01-01（也可写 2027/1/1 或 2027年1月1日）</source>
        <translation>Write dates like 2027-01-01 (2027/1/1 will do too)</translation>
    </message>
    <message>
        <source>日历文件的文字编码看不懂</source>
        <translation>Cannot read the calendar file&apos;s text encoding</translation>
    </message>
    <message>
        <source>请另存为 UTF-8 或 GBK 编码的 CSV</source>
        <translation>Save it again as a CSV in UTF-8 or GBK</translation>
    </message>
    <message>
        <source>{where}类别“{text}”看不懂</source>
        <translation>{where}cannot read the type “{text}”</translation>
    </message>
    <message>
        <source>类别请写：放假（法定节假日）、上班（调休上班）或停止办公</source>
        <translation>Write the type as 放假 (public holiday), 上班 (make-up working day) or 停止办公 (office closed)</translation>
    </message>
    <message>
        <source>{where}日期范围“{dates}”不对</source>
        <translation>{where}the date range “{dates}” is wrong</translation>
    </message>
    <message>
        <source>起止日期请按先后写，一段不超过两个月</source>
        <translation>Write the start before the end; a range may not exceed two months</translation>
    </message>
    <message>
        <source>日历文件缺少 days 清单</source>
        <translation>The calendar file lacks its days list</translation>
    </message>
    <message>
        <source>格式见 docs/calendar.md</source>
        <translation>See docs/calendar.md for the format</translation>
    </message>
    <message>
        <source>文件写的年份（{year}）与其中的日期（{year2}年）不一致</source>
        <translation>The file&apos;s year ({year}) does not match its dates ({year2})</translation>
    </message>
    <message>
        <source>{where}格式不正确</source>
        <translation>{where}the format is wrong</translation>
    </message>
    <message>
        <source>每项应写明 date（或 from、to）、type 和 name</source>
        <translation>Each entry needs date (or from and to), type and name</translation>
    </message>
    <message>
        <source>日历文件的签名不完整</source>
        <translation>The calendar file&apos;s signature is incomplete</translation>
    </message>
    <message>
        <source>请向上级索取完整的文件</source>
        <translation>Ask the level above for the complete file</translation>
    </message>
    <message>
        <source>日历类别“{kind}”不对</source>
        <translation>The calendar kind “{kind}” is wrong</translation>
    </message>
    <message>
        <source>应为 published（全年安排）或 adjusted（局部调整）</source>
        <translation>It must be published (the year&apos;s schedule) or adjusted (a local adjustment)</translation>
    </message>
    <message>
        <source>日历文件里没有日期</source>
        <translation>The calendar file holds no dates</translation>
    </message>
    <message>
        <source>每行写一个日期（或一段日期）和类别</source>
        <translation>Write one date (or date range) and its type on each line</translation>
    </message>
    <message>
        <source>一份日历只能写一年，这份文件里有{items}年</source>
        <translation>A calendar covers one year only; this file has the years {items}</translation>
    </message>
    <message>
        <source>请按年份分成几个文件</source>
        <translation>Split it into one file per year</translation>
    </message>
    <message>
        <source>年份 {year} 超出范围</source>
        <translation>The year {year} is out of range</translation>
    </message>
    <message>
        <source>只能导入{FIRST_YEAR}年到{value}年的日历</source>
        <translation>Only calendars for {FIRST_YEAR} to {value} can be imported</translation>
    </message>
    <message>
        <source>读不到日历文件 {path}（{value}）</source>
        <translation>Cannot read the calendar file {path} ({value})</translation>
    </message>
    <message>
        <source>请检查文件位置</source>
        <translation>Check where the file is</translation>
    </message>
    <message>
        <source>日历文件不是有效的 CSV（{error}）</source>
        <translation>The calendar file is not a valid CSV ({error})</translation>
    </message>
    <message>
        <source>请用 Excel 或 WPS 另存为 CSV 后再导入</source>
        <translation>Save it as CSV from Excel or WPS, then import it again</translation>
    </message>
    <message>
        <source>{where}至少要有日期和类别两栏</source>
        <translation>{where}at least the date and type columns are needed</translation>
    </message>
    <message>
        <source>例如：2027-01-01,放假,元旦</source>
        <translation>For example: 2027-01-01,放假,元旦</translation>
    </message>
    <message>
        <source>日历文件不是有效的 JSON（第{getattr}行）</source>
        <translation>The calendar file is not valid JSON (line {getattr})</translation>
    </message>
    <message>
        <source>日历文件的签名看不懂</source>
        <translation>Cannot read the calendar file&apos;s signature</translation>
    </message>
    <message>
        <source>文件可能已损坏，请向上级重新索取</source>
        <translation>The file may be damaged; ask the level above for it again</translation>
    </message>
    <message>
        <source>{where}{key} 与{rstrip}{word}</source>
        <translation>{where}{key} clashes with {rstrip} ({word})</translation>
    </message>
    <message>
        <source>每个日期只能出现一次，请改正后重新导入</source>
        <translation>Each date may appear only once; correct it and import again</translation>
    </message>
    <message>
        <source>时限“{text}”看不懂</source>
        <translation>Cannot read the time limit “{text}”</translation>
    </message>
    <message>
        <source>请写成 1wd（工作日）、48h（小时）或 5d（自然日）</source>
        <translation>Write 1wd (working days), 48h (hours) or 5d (calendar days)</translation>
    </message>
    <message>
        <source>这份日历文件不是本站的上级签发的，不能导入</source>
        <translation>This calendar file was not issued by this station&apos;s level above; it cannot be imported</translation>
    </message>
    <message>
        <source>工作日历只能来自本站的上级（镇代理中心或县里），请通过同步获取，或向上级索取</source>
        <translation>A working calendar can only come from the level above (the township centre or the county); get it by sync, or ask them for it</translation>
    </message>
    <message>
        <source>日历文件的签名与{unit_name}的不符：文件可能被改动过，不能导入</source>
        <translation>The calendar file&apos;s signature does not match {unit_name}&apos;s: the file may have been altered; it cannot be imported</translation>
    </message>
    <message>
        <source>请向上级重新索取</source>
        <translation>Ask the level above for it again</translation>
    </message>
    <message>
        <source>工作日历记录的编号与年份、发布单位不符</source>
        <translation>The working calendar record&apos;s ID does not match its year and issuing unit</translation>
    </message>
    <message>
        <source>未知的时限规则事件：{type}</source>
        <translation>Unknown time-limit rule event: {type}</translation>
    </message>
    <message>
        <source>时限规则记录的编号与发布单位不符</source>
        <translation>The time-limit rule record&apos;s ID does not match its issuing unit</translation>
    </message>
    <message>
        <source>年份“{value}”超出范围，应在{FIRST_YEAR}年到{LAST_YEAR}年之间</source>
        <translation>The year “{value}” is out of range; it must be from {FIRST_YEAR} to {LAST_YEAR}</translation>
    </message>
    <message>
        <source>请检查年份</source>
        <translation>Check the year</translation>
    </message>
    <message>
        <source>工作日历的日期清单格式不正确</source>
        <translation>The working calendar&apos;s list of dates is malformed</translation>
    </message>
    <message>
        <source>一般事项48小时的计算方式由县里统一设定</source>
        <translation>How general matters&apos; 48 hours are counted is set by the county</translation>
    </message>
    <message>
        <source>本站会在同步时收到县里的设定</source>
        <translation>This station receives the county&apos;s setting when it syncs</translation>
    </message>
    <message>
        <source>未知的工作日历事件：{type}</source>
        <translation>Unknown working calendar event: {type}</translation>
    </message>
    <message>
        <source>日期 {text} 不在 {year} 年内</source>
        <translation>The date {text} is not in {year}</translation>
    </message>
    <message>
        <source>一份日历只写一年的日期</source>
        <translation>A calendar holds the dates of one year only</translation>
    </message>
    <message>
        <source>日期“{text}”看不懂</source>
        <translation>Cannot read the date “{text}”</translation>
    </message>
    <message>
        <source>日期请写成 2027-01-01 这样</source>
        <translation>Write dates like 2027-01-01</translation>
    </message>
    <message>
        <source>诉求代理待签授权委托书，签字前不能“{verb}”</source>
        <translation>The claim awaits the signed authorisation; “{verb}” is not possible before signing</translation>
    </message>
    <message>
        <source>请打印授权委托书请群众签字，再登记“委托书已签”</source>
        <translation>Print the authorisation form for the villager to sign, then record “Authorisation signed”</translation>
    </message>
    <message>
        <source>该办件已结束</source>
        <translation>This case is finished</translation>
    </message>
    <message>
        <source>诉求代理须有群众签字的授权委托书才能受理</source>
        <translation>A claim can only be accepted with the authorisation form signed by the villager</translation>
    </message>
    <message>
        <source>群众已签字的授权委托不能改为未签字</source>
        <translation>An authorisation the villager has signed cannot be changed to unsigned</translation>
    </message>
    <message>
        <source>如需改变委托范围，请请群众重新签署授权委托书</source>
        <translation>To change the scope, have the villager sign a new authorisation form</translation>
    </message>
    <message>
        <source>还没有登记授权委托的范围</source>
        <translation>The scope of the authorisation is not recorded yet</translation>
    </message>
    <message>
        <source>请先用“授权委托”写明委托代理的事项</source>
        <translation>First write down what is authorised, with “Record authorisation”</translation>
    </message>
    <message>
        <source>只有导入的历史办件才能撤销导入</source>
        <translation>Only imported past cases can have their import undone</translation>
    </message>
    <message>
        <source>办结时限的时间格式不正确</source>
        <translation>The deadline&apos;s time format is wrong</translation>
    </message>
    <message>
        <source>授权委托的范围</source>
        <translation>the scope of the authorisation</translation>
    </message>
    <message>
        <source>写明委托代理的具体事项</source>
        <translation>Write down exactly what the cadre is authorised to do</translation>
    </message>
    <message>
        <source>授权委托的日期</source>
        <translation>the date of the authorisation</translation>
    </message>
    <message>
        <source>服务类型</source>
        <translation>the kind of service</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>the urgency</translation>
    </message>
    <message>
        <source>不予受理的理由</source>
        <translation>the reason for declining</translation>
    </message>
    <message>
        <source>群众可以怎么办（其他途径）</source>
        <translation>what the villager can do instead (other routes)</translation>
    </message>
    <message>
        <source>例如：请到镇派出所办理</source>
        <translation>For example: go to the township police station</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>the handler</translation>
    </message>
    <message>
        <source>备注内容</source>
        <translation>the note</translation>
    </message>
    <message>
        <source>打印的文书</source>
        <translation>the paper printed</translation>
    </message>
    <message>
        <source>转办去向</source>
        <translation>where it is transferred to</translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation>the receiving unit</translation>
    </message>
    <message>
        <source>例如：曲塘镇代理中心、海安市民政局</source>
        <translation>For example: the township centre, the county civil affairs bureau</translation>
    </message>
    <message>
        <source>上级办理情况</source>
        <translation>what the higher level did</translation>
    </message>
    <message>
        <source>暂停计时的理由</source>
        <translation>the reason for pausing the clock</translation>
    </message>
    <message>
        <source>例如：鉴定、检测、公示期间依规不计时</source>
        <translation>For example: appraisals, tests and public notice periods are not counted, by the rules</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>the result</translation>
    </message>
    <message>
        <source>告知方式</source>
        <translation>how the villager was told</translation>
    </message>
    <message>
        <source>回访情况</source>
        <translation>the return visit notes</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>what was put right</translation>
    </message>
    <message>
        <source>撤回的原因</source>
        <translation>the reason for withdrawing</translation>
    </message>
    <message>
        <source>重新办理的原因</source>
        <translation>the reason for reopening</translation>
    </message>
    <message>
        <source>转送去向</source>
        <translation>where it is sent on to</translation>
    </message>
    <message>
        <source>例如：海安市民政局</source>
        <translation>For example: the county civil affairs bureau</translation>
    </message>
    <message>
        <source>裁定意见</source>
        <translation>the decision</translation>
    </message>
    <message>
        <source>写明以哪一方的办理为准、为什么</source>
        <translation>Write down whose handling stands, and why</translation>
    </message>
    <message>
        <source>撤销的原因</source>
        <translation>the reason for undoing</translation>
    </message>
    <message>
        <source>重算时限的原因</source>
        <translation>the reason for recounting the deadline</translation>
    </message>
    <message>
        <source>办件编号</source>
        <translation>the case number</translation>
    </message>
    <message>
        <source>受理单位</source>
        <translation>the receiving unit</translation>
    </message>
    <message>
        <source>群众</source>
        <translation>the villager</translation>
    </message>
    <message>
        <source>诉求内容</source>
        <translation>the request</translation>
    </message>
    <message>
        <source>简要写明群众要办什么事</source>
        <translation>Briefly write what the villager needs done</translation>
    </message>
    <message>
        <source>受理渠道</source>
        <translation>the channel</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation>the first-contact cadre</translation>
    </message>
    <message>
        <source>{kind}，{channel}</source>
        <translation>{kind}, {channel}</translation>
    </message>
    <message>
        <source>{kind}，{channel}，{urgency}</source>
        <translation>{kind}, {channel}, {urgency}</translation>
    </message>
    <message>
        <source>办结期限：{value}</source>
        <translation>Deadline: {value}</translation>
    </message>
    <message>
        <source>新时限：{value}</source>
        <translation>New deadline: {value}</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>the matter</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>the unit</translation>
    </message>
    <message>
        <source>举报内容</source>
        <translation>the complaint</translation>
    </message>
    <message>
        <source>核查情况</source>
        <translation>the findings</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>the ID number</translation>
    </message>
    <message>
        <source>号码</source>
        <translation>the number</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>the name</translation>
    </message>
    <message>
        <source>输入的内容</source>
        <translation>the text typed</translation>
    </message>
    <message>
        <source>召开单位</source>
        <translation>the holding unit</translation>
    </message>
    <message>
        <source>座谈会主题</source>
        <translation>the meeting topic</translation>
    </message>
    <message>
        <source>反馈的意见</source>
        <translation>the opinion answered</translation>
    </message>
    <message>
        <source>反馈内容</source>
        <translation>the answer</translation>
    </message>
    <message>
        <source>座谈会时间</source>
        <translation>the meeting time</translation>
    </message>
    <message>
        <source>办件</source>
        <translation>the case</translation>
    </message>
    <message>
        <source>电话号码</source>
        <translation>the phone number</translation>
    </message>
    <message>
        <source>{what}已存在</source>
        <translation>{what} already exists</translation>
    </message>
    <message>
        <source>未知的{what}事件：{type}</source>
        <translation>Unknown {what} event: {type}</translation>
    </message>
    <message>
        <source>{what}不存在</source>
        <translation>{what} does not exist</translation>
    </message>
    <message>
        <source>请检查文件夹权限或U盘写保护；已保存的数据没有丢失</source>
        <translation>Check the folder&apos;s permissions or the USB drive&apos;s write protection; nothing saved was lost</translation>
    </message>
    <message>
        <source>找不到文件 {path}</source>
        <translation>Cannot find the file {path}</translation>
    </message>
    <message>
        <source>请检查路径，或插好U盘后再试</source>
        <translation>Check the path, or plug in the USB drive and try again</translation>
    </message>
    <message>
        <source>{name} 已损坏，不能恢复（{value}）</source>
        <translation>{name} is damaged and cannot be restored ({value})</translation>
    </message>
    <message>
        <source>请换一个较早的备份</source>
        <translation>Choose an earlier backup</translation>
    </message>
    <message>
        <source>{name} 是新版程序生成的（数据库版本 {version}，本程序只认识到 {LATEST}）</source>
        <translation>{name} was made by a newer version (database version {version}; this program knows up to {LATEST})</translation>
    </message>
    <message>
        <source>请先安装新版海安代理工作台再恢复</source>
        <translation>Install the new version of Haian Desk before restoring</translation>
    </message>
    <message>
        <source>{name} 不是海安代理工作台的数据库</source>
        <translation>{name} is not a Haian Desk database</translation>
    </message>
    <message>
        <source>请选择本程序备份出来的文件</source>
        <translation>Choose a file this program backed up</translation>
    </message>
    <message>
        <source>这个备份是“{unit_name}”的，不是本站的</source>
        <translation>This backup belongs to “{unit_name}”, not to this station</translation>
    </message>
    <message>
        <source>如确要换成另一个站的数据，请在命令后加 --other-station</source>
        <translation>To really switch to another station&apos;s data, add --other-station to the command</translation>
    </message>
    <message>
        <source>数据库正在被使用</source>
        <translation>The database is in use</translation>
    </message>
    <message>
        <source>请先关闭海安代理工作台再恢复</source>
        <translation>Close Haian Desk before restoring</translation>
    </message>
    <message>
        <source>磁盘已满，没有写入（{folder}）</source>
        <translation>The disk is full; nothing was written ({folder})</translation>
    </message>
    <message>
        <source>请删除不用的文件或换一个有空间的盘，已保存的数据没有丢失</source>
        <translation>Delete unused files or use a disk with space; nothing saved was lost</translation>
    </message>
    <message>
        <source>数据目录里没有可用的备份</source>
        <translation>The data folder holds no usable backup</translation>
    </message>
    <message>
        <source>请用U盘上的备份恢复：haian-desk restore 文件名</source>
        <translation>Restore from the backup on the USB drive: haian-desk restore FILE</translation>
    </message>
    <message>
        <source>请换一个备份文件</source>
        <translation>Choose another backup file</translation>
    </message>
    <message>
        <source>{name} 无法升级到本程序的数据库版本（{error}）</source>
        <translation>{name} cannot be upgraded to this program&apos;s database version ({error})</translation>
    </message>
    <message>
        <source>请换一个备份文件，或安装与备份相同版本的程序</source>
        <translation>Choose another backup file, or install the same version as the backup</translation>
    </message>
    <message>
        <source>无法移开现在的数据库（{error}）</source>
        <translation>Cannot move the current database aside ({error})</translation>
    </message>
    <message>
        <source>没有“{key}”这项设置</source>
        <translation>There is no setting “{key}”</translation>
    </message>
    <message>
        <source>“{value}”应为文字</source>
        <translation>“{value}” must be text</translation>
    </message>
    <message>
        <source>回执纸张应为：{items}</source>
        <translation>The receipt paper must be one of: {items}</translation>
    </message>
    <message>
        <source>“{value}”太长（最多80个字）</source>
        <translation>“{value}” is too long (at most 80 characters)</translation>
    </message>
    <message>
        <source>“{value}”应为是或否</source>
        <translation>“{value}” must be yes or no</translation>
    </message>
    <message>
        <source>备份保留份数应在{low}到{high}之间</source>
        <translation>The number of backups kept must be between {low} and {high}</translation>
    </message>
    <message>
        <source>请关闭程序再打开，按提示用最新的完好备份恢复</source>
        <translation>Close the program and open it again, then restore the latest sound backup as prompted</translation>
    </message>
    <message>
        <source>数据库没有加密钥匙，不能做加密备份</source>
        <translation>The database has no encryption key; an encrypted backup cannot be made</translation>
    </message>
    <message>
        <source>请重新打开程序，输入本站口令</source>
        <translation>Open the program again and enter the station passphrase</translation>
    </message>
    <message>
        <source>磁盘已满，这一笔没有保存（{where}）</source>
        <translation>The disk is full; this was not saved ({where})</translation>
    </message>
    <message>
        <source>请删除不用的文件或清理磁盘后再试；之前保存的数据都在</source>
        <translation>Delete unused files or clean up the disk, then try again; everything saved before is still there</translation>
    </message>
    <message>
        <source>数据目录不能写入，这一笔没有保存（{where}）</source>
        <translation>The data folder cannot be written; this was not saved ({where})</translation>
    </message>
    <message>
        <source>请检查文件夹权限或U盘写保护；之前保存的数据都在</source>
        <translation>Check the folder&apos;s permissions or the USB drive&apos;s write protection; everything saved before is still there</translation>
    </message>
    <message>
        <source>本站数据还没有加密：请先设置本站口令</source>
        <translation>This station&apos;s data is not encrypted yet: set the station passphrase first</translation>
    </message>
    <message>
        <source>请在程序里设置本站口令；命令行可用环境变量 {PASSPHRASE_ENV} 提供</source>
        <translation>Set the station passphrase in the program; on the command line give it in the environment variable {PASSPHRASE_ENV}</translation>
    </message>
    <message>
        <source>需要输入本站口令才能打开数据</source>
        <translation>The station passphrase is needed to open the data</translation>
    </message>
    <message>
        <source>请在程序里输入本站口令；命令行可用环境变量 {PASSPHRASE_ENV} 提供</source>
        <translation>Enter the station passphrase in the program; on the command line give it in the environment variable {PASSPHRASE_ENV}</translation>
    </message>
    <message>
        <source>本站口令至少要{MIN_PASSPHRASE}个字符</source>
        <translation>The station passphrase needs at least {MIN_PASSPHRASE} characters</translation>
    </message>
    <message>
        <source>请换一个更长的口令，并抄在只有站长知道的地方</source>
        <translation>Choose a longer passphrase and write it down where only the station head knows</translation>
    </message>
    <message>
        <source>{folder} 里没有本站钥匙文件（{KEY_FILE}）</source>
        <translation>{folder} holds no station key file ({KEY_FILE})</translation>
    </message>
    <message>
        <source>本站口令不对{where}</source>
        <translation>Wrong station passphrase{where}</translation>
    </message>
    <message>
        <source>请检查大小写和输入法后重新输入</source>
        <translation>Check upper and lower case and the input method, then type it again</translation>
    </message>
    <message>
        <source>本站钥匙文件的格式不认识</source>
        <translation>The station key file&apos;s format is not recognised</translation>
    </message>
    <message>
        <source>请安装新版程序，或从备份恢复</source>
        <translation>Install the new version, or restore from a backup</translation>
    </message>
    <message>
        <source>本站钥匙文件已损坏（{path}）</source>
        <translation>The station key file is damaged ({path})</translation>
    </message>
    <message>
        <source>数据库版本（{before}）比本程序（{LATEST}）新</source>
        <translation>The database version ({before}) is newer than this program&apos;s ({LATEST})</translation>
    </message>
    <message>
        <source>请安装新版海安代理工作台后再打开</source>
        <translation>Install the new version of Haian Desk before opening it</translation>
    </message>
    <message>
        <source>{name} 已损坏或被改动过（校验不通过），不能恢复</source>
        <translation>{name} is damaged or altered (check failed); it cannot be restored</translation>
    </message>
    <message>
        <source>请换一个备份文件；不要手工修改备份</source>
        <translation>Choose another backup file; do not edit backups by hand</translation>
    </message>
    <message>
        <source>{name} 不是本站的备份（本站的钥匙打不开它）</source>
        <translation>{name} is not this station&apos;s backup (this station&apos;s key cannot open it)</translation>
    </message>
    <message>
        <source>请在备份所属的站恢复，或输入那个站的口令；站点电脑和口令都没有了，请到镇中心用 haian-desk hub restore-station 打开</source>
        <translation>Restore it at the station it belongs to, or enter that station&apos;s passphrase; if both the PC and the passphrase are gone, open it at the township centre with haian-desk hub restore-station</translation>
    </message>
    <message>
        <source>{name} 的格式不认识（可能是新版程序生成的）</source>
        <translation>The format of {name} is not recognised (perhaps made by a newer version)</translation>
    </message>
    <message>
        <source>读不了 {name}（{value}）</source>
        <translation>Cannot read {name} ({value})</translation>
    </message>
    <message>
        <source>请检查U盘是否插好</source>
        <translation>Check that the USB drive is plugged in</translation>
    </message>
    <message>
        <source>请选择备份时生成的备份文件</source>
        <translation>Choose a file made by a backup</translation>
    </message>
    <message>
        <source>这户还没有结对</source>
        <translation>This household has no pairing yet</translation>
    </message>
    <message>
        <source>请先结对</source>
        <translation>Pair it first</translation>
    </message>
    <message>
        <source>这户的结对已经结束</source>
        <translation>This household&apos;s pairing has ended</translation>
    </message>
    <message>
        <source>如需继续帮扶，请重新结对</source>
        <translation>To continue the support, pair it again</translation>
    </message>
    <message>
        <source>未知的走访事件：{type}</source>
        <translation>Unknown visit event: {type}</translation>
    </message>
    <message>
        <source>这次走访已经登记过</source>
        <translation>This visit is already recorded</translation>
    </message>
    <message>
        <source>走访时间不能晚于现在</source>
        <translation>The visit time cannot be later than now</translation>
    </message>
    <message>
        <source>请核对走访日期</source>
        <translation>Check the visit date</translation>
    </message>
    <message>
        <source>找不到这户结对记录</source>
        <translation>Cannot find this household&apos;s pairing</translation>
    </message>
    <message>
        <source>请从结对帮扶名单中重新选择</source>
        <translation>Choose it again from the paired-support list</translation>
    </message>
    <message>
        <source>找不到这位在岗代理员</source>
        <translation>Cannot find this cadre on duty</translation>
    </message>
    <message>
        <source>这户已经结对</source>
        <translation>This household is already paired</translation>
    </message>
    <message>
        <source>未知的结对事件：{type}</source>
        <translation>Unknown pairing event: {type}</translation>
    </message>
    <message>
        <source>“{name}”没有困难户标签，不需要结对</source>
        <translation>“{name}” has no hardship tag and needs no pairing</translation>
    </message>
    <message>
        <source>如属空巢老人、留守儿童等，请先在群众名册中加上标签</source>
        <translation>For empty-nest elderly, left-behind children and the like, add the tag in the villager register first</translation>
    </message>
    <message>
        <source>“{name}”已经有结对代理员</source>
        <translation>“{name}” already has a paired cadre</translation>
    </message>
    <message>
        <source>如要换人，请用“更换结对代理员”</source>
        <translation>To change, use “Change paired cadre”</translation>
    </message>
    <message>
        <source>这户的结对已经结束，不能再登记走访</source>
        <translation>This household&apos;s pairing has ended; no more visits can be recorded</translation>
    </message>
    <message>
        <source>新的结对代理员</source>
        <translation>the new paired cadre</translation>
    </message>
    <message>
        <source>结对户</source>
        <translation>the paired household</translation>
    </message>
    <message>
        <source>帮扶对象</source>
        <translation>the household supported</translation>
    </message>
    <message>
        <source>走访代理员</source>
        <translation>the visiting cadre</translation>
    </message>
    <message>
        <source>走访情况</source>
        <translation>the visit notes</translation>
    </message>
    <message>
        <source>结对代理员</source>
        <translation>the paired cadre</translation>
    </message>
    <message>
        <source>走访时间</source>
        <translation>the visit time</translation>
    </message>
    <message>
        <source>结束结对的原因</source>
        <translation>the reason for ending the pairing</translation>
    </message>
    <message>
        <source>失联提醒的时间应在1小时到30天之间</source>
        <translation>The out-of-contact alert must be between 1 hour and 30 days</translation>
    </message>
    <message>
        <source>端口应为1024到65535之间的数</source>
        <translation>The port must be a number from 1024 to 65535</translation>
    </message>
    <message>
        <source>常用 8765</source>
        <translation>Usually 8765</translation>
    </message>
    <message>
        <source>“随程序启动同步服务”应为是或否</source>
        <translation>“Start the sync service with the program” must be yes or no</translation>
    </message>
    <message>
        <source>请填写监听地址</source>
        <translation>Enter the address to listen on</translation>
    </message>
    <message>
        <source>局域网内用 0.0.0.0，只给本机用 127.0.0.1</source>
        <translation>0.0.0.0 for the local network, 127.0.0.1 for this PC only</translation>
    </message>
    <message>
        <source>代理站请在办件详情里办理</source>
        <translation>A station handles this in the case&apos;s detail</translation>
    </message>
    <message>
        <source>办件 {case_no} 已经接收过了</source>
        <translation>Case {case_no} has already been received</translation>
    </message>
    <message>
        <source>请填写登录名</source>
        <translation>Enter the login name</translation>
    </message>
    <message>
        <source>密码至少{MIN_PASSWORD}位</source>
        <translation>The password needs at least {MIN_PASSWORD} characters</translation>
    </message>
    <message>
        <source>登录名或密码不对</source>
        <translation>Wrong login name or password</translation>
    </message>
    <message>
        <source>请重新输入；忘记密码请找本站管理员重置</source>
        <translation>Type them again; if you forgot the password, ask the station administrator to reset it</translation>
    </message>
    <message>
        <source>没有用户“{username}”</source>
        <translation>There is no user “{username}”</translation>
    </message>
    <message>
        <source>账号“{username}”已停用</source>
        <translation>The account “{username}” is deactivated</translation>
    </message>
    <message>
        <source>请用在用的账号登录</source>
        <translation>Log in with an active account</translation>
    </message>
    <message>
        <source>只有{value}可以{doing}</source>
        <translation>Only {value} can {doing}</translation>
    </message>
    <message>
        <source>请用有权限的账号登录</source>
        <translation>Log in with an account that may do this</translation>
    </message>
    <message>
        <source>登录名“{username}”已被使用</source>
        <translation>The login name “{username}” is already taken</translation>
    </message>
    <message>
        <source>请换一个登录名</source>
        <translation>Choose another login name</translation>
    </message>
    <message>
        <source>不能停用自己正在使用的账号</source>
        <translation>You cannot deactivate the account you are using</translation>
    </message>
    <message>
        <source>请用另一个管理员账号操作</source>
        <translation>Do it with another administrator account</translation>
    </message>
    <message>
        <source>{name}已离任，不能关联</source>
        <translation>{name} has left office and cannot be linked</translation>
    </message>
    <message>
        <source>请选择在任的代理员</source>
        <translation>Choose a cadre in office</translation>
    </message>
    <message>
        <source>请填写群众姓名</source>
        <translation>Enter the villager&apos;s name</translation>
    </message>
    <message>
        <source>未知的户情标签：{items}</source>
        <translation>Unknown household tag: {items}</translation>
    </message>
    <message>
        <source>身份证号已登记在“{name}”名下</source>
        <translation>This ID number is already registered to “{name}”</translation>
    </message>
    <message>
        <source>请直接选择该群众，不要重复登记</source>
        <translation>Choose that villager directly; do not register them twice</translation>
    </message>
    <message>
        <source>可能已被合并或尚未同步</source>
        <translation>It may have been merged or not synced yet</translation>
    </message>
    <message>
        <source>群众姓名</source>
        <translation>the villager&apos;s name</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>the address</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>the household number</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>the note</translation>
    </message>
    <message>
        <source>事件没有存进中心数据库（编号冲突）</source>
        <translation>The record was not stored in the centre&apos;s database (a numbering clash)</translation>
    </message>
    <message>
        <source>请再办一次</source>
        <translation>Please do it again</translation>
    </message>
    <message>
        <source>网络不通，连不上镇中心</source>
        <translation>The network is down: cannot reach the township centre</translation>
    </message>
    <message>
        <source>请检查网线是否插好、无线网络是否连上；网络恢复后会自动重新同步，已办的事都保存在本机</source>
        <translation>Check the network cable and the wireless connection; sync starts again by itself when the network is back, and all work is kept on this PC</translation>
    </message>
    <message>
        <source>镇中心的同步服务没有运行</source>
        <translation>The township centre&apos;s sync service is not running</translation>
    </message>
    <message>
        <source>请打电话请镇中心打开同步服务（镇中心电脑上的“站点”页面，或运行 haian-desk hub serve）</source>
        <translation>Phone the township centre and ask them to start the sync service (the “Stations” page on their PC, or haian-desk hub serve)</translation>
    </message>
    <message>
        <source>本站还没有在镇中心登记（或登记已失效）</source>
        <translation>This station is not enrolled with the township centre (or its enrolment has lapsed)</translation>
    </message>
    <message>
        <source>请在“同步”页面的“登记”一栏生成登记申请文件，拷给镇中心办理，再导入镇中心的答复</source>
        <translation>On the “Sync” page, make an enrolment request file under “Enrolment”, take it to the township centre, then import their answer</translation>
    </message>
    <message>
        <source>本站的登记已被镇中心注销</source>
        <translation>The township centre has revoked this station&apos;s enrolment</translation>
    </message>
    <message>
        <source>本机的记录都还在；请联系镇中心问明原因，需要时重新办理登记</source>
        <translation>All records are still on this PC; ask the township centre why, and enrol again if needed</translation>
    </message>
    <message>
        <source>还不知道镇中心的网址</source>
        <translation>The township centre&apos;s address is not known yet</translation>
    </message>
    <message>
        <source>请在“同步”页面填写镇中心的网址（如 http://192.168.1.10:8765），或改用U盘同步</source>
        <translation>Enter the township centre&apos;s address on the “Sync” page (e.g. http://192.168.1.10:8765), or sync by USB drive instead</translation>
    </message>
    <message>
        <source>与镇中心的连接不可信</source>
        <translation>The connection to the township centre cannot be trusted</translation>
    </message>
    <message>
        <source>网络中可能有设备在改动数据，或证书不对；请联系镇中心核对，必要时改用U盘同步</source>
        <translation>Some device on the network may be altering data, or the certificate is wrong; check with the township centre, and sync by USB drive if needed</translation>
    </message>
    <message>
        <source>双方软件版本不一致</source>
        <translation>The two sides run different versions</translation>
    </message>
    <message>
        <source>请把本站和镇中心的海安代理工作台都升级到最新版</source>
        <translation>Upgrade Haian Desk at this station and at the township centre to the latest version</translation>
    </message>
    <message>
        <source>镇中心拒收了这一批数据</source>
        <translation>The township centre refused this batch</translation>
    </message>
    <message>
        <source>请按下面的说明处理，或联系镇中心</source>
        <translation>Follow the explanation below, or contact the township centre</translation>
    </message>
    <message>
        <source>同步出错</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <source>请稍后再试；如反复出现，请把这段说明告诉镇中心</source>
        <translation>Try again later; if it keeps happening, tell the township centre what this says</translation>
    </message>
    <message>
        <source>意外错误：{error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
    <message>
        <source>已登记到“{unit_name}”，但还不知道它的网址</source>
        <translation>Enrolled with “{unit_name}”, but its address is not known yet</translation>
    </message>
    <message>
        <source>同步文件不完整：至少应有 {expected} 字节，实际只有 {actual} 字节</source>
        <translation>The sync file is incomplete: it should have at least {expected} bytes but has only {actual}</translation>
    </message>
    <message>
        <source>可能没有拷贝完就拔了U盘；请重新拷贝或重新导出</source>
        <translation>The USB drive may have been pulled out before the copy finished; copy or export it again</translation>
    </message>
    <message>
        <source>这不是海安代理工作台的同步文件</source>
        <translation>This is not a Haian Desk sync file</translation>
    </message>
    <message>
        <source>请选择由“导出同步文件”生成的文件</source>
        <translation>Choose a file made by “Export sync file”</translation>
    </message>
    <message>
        <source>这份同步文件的格式比本程序新</source>
        <translation>This sync file&apos;s format is newer than this program</translation>
    </message>
    <message>
        <source>请把本机的海安代理工作台升级到最新版</source>
        <translation>Upgrade Haian Desk on this PC to the latest version</translation>
    </message>
    <message>
        <source>同步文件已损坏（文件头长度不对）</source>
        <translation>The sync file is damaged (wrong header length)</translation>
    </message>
    <message>
        <source>请重新导出</source>
        <translation>Export it again</translation>
    </message>
    <message>
        <source>同步文件末尾多出了 {value} 字节，文件已被改动</source>
        <translation>The sync file has {value} extra bytes at its end; it has been altered</translation>
    </message>
    <message>
        <source>文件外标明的{value}与签名内容里的不一致，文件被改动过</source>
        <translation>The {value} marked outside the file differs from the signed content; the file has been altered</translation>
    </message>
    <message>
        <source>不要手工修改同步文件；请让发出方重新导出</source>
        <translation>Do not edit sync files by hand; ask the sender to export again</translation>
    </message>
    <message>
        <source>文件的签名与该站登记的密钥不符（用未登记的密钥签名），不能导入</source>
        <translation>The file&apos;s signature does not match the key registered for that station (signed with an unregistered key); it cannot be imported</translation>
    </message>
    <message>
        <source>请说明显示了哪些号码</source>
        <translation>Say which numbers were shown</translation>
    </message>
    <message>
        <source>请说明号码显示在哪里（屏幕或纸面）</source>
        <translation>Say where the numbers were shown (screen or paper)</translation>
    </message>
    <message>
        <source>找不到这件办件或这位群众</source>
        <translation>Cannot find this case or villager</translation>
    </message>
    <message>
        <source>请重新打开后再试</source>
        <translation>Open it again and retry</translation>
    </message>
    <message>
        <source>显示完整号码的原因</source>
        <translation>Reason for showing the full numbers</translation>
    </message>
    <message>
        <source>例如：核对群众身份</source>
        <translation>For example: checking the villager&apos;s identity</translation>
    </message>
    <message>
        <source>“{value}”应在{low}秒到{value2}小时之间</source>
        <translation>&quot;{value}&quot; should be between {low} seconds and {value2} hours</translation>
    </message>
    <message>
        <source>一般设10分钟</source>
        <translation>Usually 10 minutes</translation>
    </message>
    <message>
        <source>“{username}”是程序保留的名字</source>
        <translation>&quot;{username}&quot; is a name the program keeps for itself</translation>
    </message>
    <message>
        <source>可写成 2026H1（上半年）、2026H2（下半年）、2026（全年）或 2026-01-01:2026-03-31</source>
        <translation>Write 2026H1 (first half), 2026H2 (second half), 2026 (whole year) or 2026-01-01:2026-03-31</translation>
    </message>
    <message>
        <source>{unit}导入了{year}年工作日历（{source}）</source>
        <translation>{unit} imported the {year} working calendar ({source})</translation>
    </message>
    <message>
        <source>同步收到{calendars}</source>
        <translation>received by sync: {calendars}</translation>
    </message>
    <message>
        <source>{who}发布的{year}年工作日历</source>
        <translation>the {year} working calendar published by {who}</translation>
    </message>
    <message>
        <source>时限不变</source>
        <translation>deadline unchanged</translation>
    </message>
    <message>
        <source>按新日历重新计算办结时限</source>
        <translation>deadline counted again on the new calendar</translation>
    </message>
    <message>
        <source>只有镇（街道）代理中心和县级代理中心才能办理上报来的事项</source>
        <translation>Only a township centre or the county centre can handle reported matters</translation>
    </message>
    <message>
        <source>受理站点</source>
        <translation>Receiving station</translation>
    </message>
    <message>
        <source>镇（街道）代理中心</source>
        <translation>Township centre</translation>
    </message>
    <message>
        <source>县级代理中心</source>
        <translation>County centre</translation>
    </message>
    <message>
        <source>市级代理中心</source>
        <translation>City centre</translation>
    </message>
    <message>
        <source>省级代理中心</source>
        <translation>Provincial centre</translation>
    </message>
    <message>
        <source>职能部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>办件 {case_no} 现在不在{here}，在{where}</source>
        <translation>Case {case_no} is not at {here} now; it is at {where}</translation>
    </message>
    <message>
        <source>{name}（{unit}）</source>
        <translation>{name} ({unit})</translation>
    </message>
    <message>
        <source>办件 {case_no} 现在不在{here}：已经回到受理站点（{status}）</source>
        <translation>Case {case_no} is not at {here} now: it is back at the receiving station ({status})</translation>
    </message>
    <message>
        <source>不用再{verb}；需要时请站点重新转办</source>
        <translation>“{verb}” is not needed any more; if needed, the station can pass it on again</translation>
    </message>
    <message>
        <source>已由本级转送出去：等对方答复后，在“上报事项”里办结或退回</source>
        <translation>This level has passed it on: once the answer comes back, complete or return it under “Reported cases”</translation>
    </message>
    <message>
        <source>办件 {case_no} 不能退回{to}：它现在不在那一级之上</source>
        <translation>Case {case_no} cannot be returned to {to}: it is not above that level now</translation>
    </message>
    <message>
        <source>可以退回：{choices}</source>
        <translation>It can be returned to: {choices}</translation>
    </message>
    <message>
        <source>只能转送到上一级代理中心或职能部门，不能转到{to}</source>
        <translation>It can only be passed on to the centre one level up or to a department, not to {to}</translation>
    </message>
    <message>
        <source>退回下级请用“退回”</source>
        <translation>To send it back down, use “Return”</translation>
    </message>
    <message>
        <source>事项已在上级办理：等上级办理后退回本级再办</source>
        <translation>The matter is being handled at a higher level: wait until it is returned to this level</translation>
    </message>
    <message>
        <source>请由{where}办理；需要本级办理的，请对方转送上来</source>
        <translation>{where} should handle it; if this level needs to, ask them to pass it up</translation>
    </message>
    <message>
        <source>退回{level}</source>
        <translation>Returned to {level}</translation>
    </message>
    <message>
        <source>市、省中心的数据放在 PostgreSQL 数据库里</source>
        <translation>A city or province centre keeps its data in a PostgreSQL database</translation>
    </message>
    <message>
        <source>请用 --database postgresql://用户@主机/库名（或环境变量 {env}）指明数据库</source>
        <translation>Name the database with --database postgresql://user@host/dbname (or the environment variable {env})</translation>
    </message>
    <message>
        <source>PostgreSQL 中心不用这些选项：{options}</source>
        <translation>A PostgreSQL centre does not use these options: {options}</translation>
    </message>
    <message>
        <source>添加账号</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>重新添加账号</source>
        <translation>Re-add account</translation>
    </message>
    <message>
        <source>更改角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>本人修改密码</source>
        <translation>Change own password</translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>重新启用账号</source>
        <translation>Re-enable account</translation>
    </message>
    <message>
        <source>更改显示名</source>
        <translation>Change display name</translation>
    </message>
    <message>
        <source>关联代理员</source>
        <translation>Link to cadre</translation>
    </message>
    <message>
        <source>修改设置</source>
        <translation>Change settings</translation>
    </message>
    <message>
        <source>恢复后确认离线编号</source>
        <translation>Confirm offline numbering after restore</translation>
    </message>
    <message>
        <source>{where}显示完整{what}</source>
        <translation>Full {what} shown {where}</translation>
    </message>
    <message>
        <source>{whose}：{shown}；原因：{reason}</source>
        <translation>{whose}: {shown}; reason: {reason}</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>修改设置：{changes}</source>
        <translation>Settings changed: {changes}</translation>
    </message>
    <message>
        <source>{event} {username}（{role}）</source>
        <translation>{event} {username} ({role})</translation>
    </message>
    <message>
        <source>{label} → {minutes} 分钟</source>
        <translation>{label} → {minutes} min</translation>
    </message>
    <message>
        <source>办件 {case_no}，{whose}：{shown}；原因：{reason}</source>
        <translation>Case {case_no}, {whose}: {shown}; reason: {reason}</translation>
    </message>
    <message>
        <source>（群众）</source>
        <translation>(villager)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>将新增</source>
        <translation>to be added</translation>
    </message>
    <message>
        <source>将更新</source>
        <translation>to be updated</translation>
    </message>
    <message>
        <source>已存在，不变</source>
        <translation>already here, unchanged</translation>
    </message>
    <message>
        <source>不导入</source>
        <translation>not imported</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>原因或改动</source>
        <translation>Reason or changes</translation>
    </message>
    <message>
        <source>（未办结）</source>
        <translation>(not completed)</translation>
    </message>
    <message>
        <source>改：{fields}</source>
        <translation>changes: {fields}</translation>
    </message>
    <message>
        <source>重新启用</source>
        <translation>active again</translation>
    </message>
    <message>
        <source>镇中心</source>
        <translation>township centre</translation>
    </message>
    <message>
        <source>县级中心</source>
        <translation>county centre</translation>
    </message>
    <message>
        <source>市级中心</source>
        <translation>city centre</translation>
    </message>
    <message>
        <source>省级中心</source>
        <translation>province centre</translation>
    </message>
    <message>
        <source>同步中心</source>
        <translation>sync hub</translation>
    </message>
    <message>
        <source>登记受理办件</source>
        <translation>Register and accept cases</translation>
    </message>
    <message>
        <source>办理办件</source>
        <translation>Handle cases</translation>
    </message>
    <message>
        <source>重新办理已办结的办件</source>
        <translation>Reopen completed cases</translation>
    </message>
    <message>
        <source>接收、转送上报事项或裁定冲突</source>
        <translation>Accept and pass on reported matters, or settle conflicts</translation>
    </message>
    <message>
        <source>查看完整的身份证号或手机号</source>
        <translation>See full ID numbers or phone numbers</translation>
    </message>
    <message>
        <source>登记或修改群众信息</source>
        <translation>Register or change villager details</translation>
    </message>
    <message>
        <source>维护代理员名录</source>
        <translation>Keep the cadre roster</translation>
    </message>
    <message>
        <source>修改事项目录</source>
        <translation>Change the service catalogue</translation>
    </message>
    <message>
        <source>登记结对帮扶和走访</source>
        <translation>Record paired support and visits</translation>
    </message>
    <message>
        <source>登记民意座谈</source>
        <translation>Record opinion meetings</translation>
    </message>
    <message>
        <source>登记举报</source>
        <translation>Register complaints</translation>
    </message>
    <message>
        <source>调查或办结举报</source>
        <translation>Investigate or close complaints</translation>
    </message>
    <message>
        <source>添加、停用工作人员或重置密码</source>
        <translation>Add or disable staff, or reset passwords</translation>
    </message>
    <message>
        <source>修改自己的密码</source>
        <translation>Change your own password</translation>
    </message>
    <message>
        <source>修改本站设置</source>
        <translation>Change station settings</translation>
    </message>
    <message>
        <source>确认离线编号</source>
        <translation>Confirm offline numbering</translation>
    </message>
    <message>
        <source>修改工作日历或时限规则</source>
        <translation>Change the working calendar or time-limit rules</translation>
    </message>
    <message>
        <source>按新日历重算办件期限</source>
        <translation>Recount case deadlines by the new calendar</translation>
    </message>
    <message>
        <source>从表格导入或撤销导入</source>
        <translation>Import from spreadsheets or undo imports</translation>
    </message>
    <message>
        <source>查看审计记录（账号、设置的改动和完整号码的显示）</source>
        <translation>See the audit log (changes to accounts and settings, and full numbers shown)</translation>
    </message>
    <message>
        <source>屏幕上</source>
        <translation>on screen</translation>
    </message>
    <message>
        <source>纸面上</source>
        <translation>on paper</translation>
    </message>
    <message>
        <source>添加工作人员须由管理员操作</source>
        <translation>Only an admin can add staff</translation>
    </message>
    <message>
        <source>请用管理员账号登录后添加</source>
        <translation>Log in as an admin to add them</translation>
    </message>
    <message>
        <source>本站的第一个账号应为管理员</source>
        <translation>The station&apos;s first account must be an admin</translation>
    </message>
    <message>
        <source>这是本站唯一在用的管理员</source>
        <translation>This is the station&apos;s only active admin</translation>
    </message>
    <message>
        <source>请先把另一个账号设为管理员</source>
        <translation>Make another account an admin first</translation>
    </message>
    <message>
        <source>没有登记过的下级站点：{peer}</source>
        <translation>Not an enrolled station below: {peer}</translation>
    </message>
    <message>
        <source>请先为它办理登记（haian-desk hub enrol）</source>
        <translation>Enrol it first (haian-desk hub enrol)</translation>
    </message>
    <message>
        <source>本站从备份恢复，{age}：此后办过的事本机不知道，编号可能已被用过</source>
        <translation>This station was restored from a backup, {age}: this PC does not know what was done since, and numbers may already have been used</translation>
    </message>
    <message>
        <source>数据停在 {when}（{days} 天前）</source>
        <translation>its data stops at {when} ({days} days ago)</translation>
    </message>
    <message>
        <source>不知道数据停在何时</source>
        <translation>it is not known when its data stops</translation>
    </message>
    <message>
        <source>本站从备份恢复，{age}；正在离线办理，办件编号带“{mark}”，联网同步后恢复正常编号</source>
        <translation>This station was restored from a backup, {age}; it is working offline, case numbers carry “{mark}”, and normal numbering returns after a sync</translation>
    </message>
    <message>
        <source>发出这一批的下级（{peer}）没有在本中心登记或已被注销，不能接收</source>
        <translation>The lower level that sent this batch ({peer}) is not enrolled at this hub or has been revoked; the batch cannot be accepted</translation>
    </message>
    <message>
        <source>请先为它办理登记（haian-desk hub enrol --database …）</source>
        <translation>Enrol it first (haian-desk hub enrol --database …)</translation>
    </message>
    <message>
        <source>这个数据库里的单位（{role}）不是县、市、省中心</source>
        <translation>The unit in this database ({role}) is not a county, city or province hub</translation>
    </message>
    <message>
        <source>请检查 --database 是否写对</source>
        <translation>Check that --database is written correctly</translation>
    </message>
    <message>
        <source>对方说已收到本中心第 {after} 号及以前的记录，但本中心的记录只到第 {top} 号</source>
        <translation>The other side says it holds this hub&apos;s records up to number {after}, but this hub&apos;s records only go up to number {top}</translation>
    </message>
    <message>
        <source>本中心的数据库可能从较早的备份恢复过：先不要转发，请运行 haian-desk hub check 并与对方核对</source>
        <translation>This hub&apos;s database may have been restored from an older backup: do not forward yet; run haian-desk hub check and compare with the other side</translation>
    </message>
    <message>
        <source>每批至少要取一条记录（现在要取 {value} 条）</source>
        <translation>A batch must take at least one record (asked for {value})</translation>
    </message>
    <message>
        <source>不限条数请不给 limit；否则给一个正数</source>
        <translation>Leave out limit for no limit; otherwise give a positive number</translation>
    </message>
    <message>
        <source>对方已收到的位置不能是负数（{value}）</source>
        <translation>The position the other side holds cannot be negative ({value})</translation>
    </message>
    <message>
        <source>对方的记录可能已损坏；请运行 haian-desk check</source>
        <translation>The other side&apos;s records may be damaged; run haian-desk check</translation>
    </message>
    <message>
        <source>没有登记过的上下级站点：{peer}</source>
        <translation>No enrolled upper or lower level with this id: {peer}</translation>
    </message>
    <message>
        <source>{peer} 不是本中心的{relation}，不能按这个方向给它发记录</source>
        <translation>{peer} is not this hub&apos;s {relation}; records cannot be sent to it in this direction</translation>
    </message>
    <message>
        <source>向上级发用上报批次，向下级发下发批次</source>
        <translation>Send up batches to the upper level and down batches to a lower level</translation>
    </message>
    <message>
        <source>上级</source>
        <translation>upper level</translation>
    </message>
    <message>
        <source>下级</source>
        <translation>lower level</translation>
    </message>
    <message>
        <source>本中心还没有登记上级中心，无法上报</source>
        <translation>This centre is not enrolled with a higher centre yet, so it cannot push up</translation>
    </message>
    <message>
        <source>请先向上级办理登记（haian-desk enrol request --database …），把上级的答复导入后再上报</source>
        <translation>Enrol with the higher centre first (haian-desk enrol request --database …), import its answer, then push up</translation>
    </message>
    <message>
        <source>请联系镇中心核对原因，处理后在“同步”页面重发</source>
        <translation>contact the township centre to find out why, then send them again from the Sync screen</translation>
    </message>
    <message>
        <source>本站可能从备份恢复过、编号与已上报的记录重复：请联系镇中心核对，镇中心处理后在“同步”页面重发这些记录</source>
        <translation>this station may have been restored from a backup and its numbers repeat records already reported: contact the township centre; once it has dealt with them, send these records again from the Sync screen</translation>
    </message>
    <message>
        <source>同一记录两边内容不同：请联系镇中心核对</source>
        <translation>the same record differs on the two sides: contact the township centre to check</translation>
    </message>
    <message>
        <source>双方软件版本不一致：请把本站和镇中心都升级到最新版后重发</source>
        <translation>the two sides run different versions: upgrade this station and the township centre to the latest version, then send again</translation>
    </message>
    <message>
        <source>本机时钟比镇中心慢了约{duration}，请把电脑的日期和时间校正过来（办件的先后顺序不受影响，但打印的时间会不准）</source>
        <translation>This PC&apos;s clock is about {duration} behind the township centre&apos;s: please set the computer&apos;s date and time right (the order of cases is not affected, but printed times will be wrong)</translation>
    </message>
    <message>
        <source>本机时钟比镇中心快了约{duration}，请把电脑的日期和时间校正过来（办件的先后顺序不受影响，但打印的时间会不准）</source>
        <translation>This PC&apos;s clock is about {duration} ahead of the township centre&apos;s: please set the computer&apos;s date and time right (the order of cases is not affected, but printed times will be wrong)</translation>
    </message>
    <message>
        <source>其他单位</source>
        <translation>another unit</translation>
    </message>
    <message>
        <source>本站地址</source>
        <translation>Station address</translation>
    </message>
    <message>
        <source>本站电话</source>
        <translation>Station phone</translation>
    </message>
    <message>
        <source>办公时间</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>市（县）监督投诉电话</source>
        <translation>County complaints hotline</translation>
    </message>
    <message>
        <source>镇（街道）监督投诉电话</source>
        <translation>Township complaints hotline</translation>
    </message>
    <message>
        <source>群众本人的回执和委托书上显示完整身份证号</source>
        <translation>Show the full ID number on the villager&apos;s own receipt and authorisation form</translation>
    </message>
    <message>
        <source>回执纸张</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <source>回执带存根</source>
        <translation>Stub below the receipt</translation>
    </message>
    <message>
        <source>无人操作多久后锁定</source>
        <translation>Idle time before locking</translation>
    </message>
    <message>
        <source>请填写无人操作多久后锁定（分钟）</source>
        <translation>Enter how many idle minutes before the desk locks</translation>
    </message>
    <message>
        <source>一般填10</source>
        <translation>Usually 10</translation>
    </message>
    <message>
        <source>“{typed}”不是分钟数</source>
        <translation>“{typed}” is not a number of minutes</translation>
    </message>
    <message>
        <source>请填写{low}到{high}之间的整数，一般填10</source>
        <translation>Enter a whole number from {low} to {high}; usually 10</translation>
    </message>
    <message>
        <source>自动锁定时间应在{low}分钟到{high}分钟（24小时）之间</source>
        <translation>The automatic lock time must be between {low} and {high} minutes (24 hours)</translation>
    </message>
    <message>
        <source>一般填10；离开座位多的站可以填得更短</source>
        <translation>Usually 10; a station where people often leave their desks can set it shorter</translation>
    </message>
    <message>
        <source>请从备份恢复：运行 haian-desk restore --latest（需要本站口令），或在程序里选用最新的完好备份</source>
        <translation>Restore from a backup: run haian-desk restore --latest (needs the station passphrase), or choose the newest good backup in the program</translation>
    </message>
    <message>
        <source>--database 应为 PostgreSQL 数据库地址（postgresql://…）</source>
        <translation>--database must be a PostgreSQL database address (postgresql://…)</translation>
    </message>
    <message>
        <source>例如 postgresql://用户@主机:5432/库名；口令请放在环境变量 {env} 或 ~/.pgpass 里</source>
        <translation>For example postgresql://user@host:5432/dbname; put the password in the environment variable {env} or in ~/.pgpass</translation>
    </message>
    <message>
        <source>代理站和镇代理中心的数据放在本机（SQLite），不用 --database</source>
        <translation>A station or a township centre keeps its data on this PC (SQLite), without --database</translation>
    </message>
    <message>
        <source>建站或建镇中心请去掉 --database（和环境变量 {env}）；县、市、省中心才用 PostgreSQL</source>
        <translation>To set up a station or a township centre leave out --database (and the environment variable {env}); only county, city and province centres use PostgreSQL</translation>
    </message>
    <message>
        <source>请填写本中心名称</source>
        <translation>Enter this centre&apos;s name</translation>
    </message>
    <message>
        <source>例如：南通市群众事务代理中心</source>
        <translation>For example: Nantong City Mass Affairs Proxy Centre</translation>
    </message>
    <message>
        <source>这个 PostgreSQL 数据库已经是 {name}（{code}）的中心，不能再建成另一个单位的中心</source>
        <translation>This PostgreSQL database is already the centre of {name} ({code}) and cannot become another unit&apos;s centre</translation>
    </message>
    <message>
        <source>请为本中心另建一个数据库，或检查 --database 是否写对</source>
        <translation>Create another database for this centre, or check that --database is right</translation>
    </message>
    <message>
        <source>市、省中心的单位代码应为6位：市为前4位加 00（如 320600），省为前2位加 0000（如 320000）</source>
        <translation>A city or province centre&apos;s unit code has 6 digits: a city&apos;s first 4 followed by 00 (e.g. 320600), a province&apos;s first 2 followed by 0000 (e.g. 320000)</translation>
    </message>
    <message>
        <source>这个 PostgreSQL 数据库的结构是第 {have} 版，本软件用第 {want} 版</source>
        <translation>This PostgreSQL database has schema version {have}; this software uses version {want}</translation>
    </message>
    <message>
        <source>请先建立或升级中心数据库（见 docs/postgres-hub.md），再检查或出报表</source>
        <translation>Create or upgrade the centre&apos;s database first (see docs/postgres-hub.md), then check it or make the report</translation>
    </message>
    <message>
        <source>这个 PostgreSQL 数据库还不是一个同步中心（没有本中心的单位信息）</source>
        <translation>This PostgreSQL database is not a sync centre yet (it holds no centre&apos;s identity)</translation>
    </message>
    <message>
        <source>请先建立中心数据库（见 docs/postgres-hub.md），或检查 --database 是否写对</source>
        <translation>Create the centre&apos;s database first (see docs/postgres-hub.md), or check that --database is right</translation>
    </message>
    <message>
        <source>连不上 PostgreSQL 数据库：{reason}</source>
        <translation>Cannot reach the PostgreSQL database: {reason}</translation>
    </message>
    <message>
        <source>请检查 --database（或环境变量 {env}）里的主机、端口、数据库名、用户和口令，以及服务器是否在运行</source>
        <translation>Check the host, port, database name, user and password in --database (or the environment variable {env}), and that the server is running</translation>
    </message>
    <message>
        <source>请确认文件确实来自该站；如该站重装过，请让它重新登记</source>
        <translation>Make sure the file really comes from that station; if it was reinstalled, have it enrol again</translation>
    </message>
    <message>
        <source>同步文件内容的版本不受支持</source>
        <translation>The sync file&apos;s content version is not supported</translation>
    </message>
    <message>
        <source>同步文件已损坏（校验不通过），内容可能在拷贝中出错或被改动</source>
        <translation>The sync file is damaged (checksum failed); the content may have been corrupted while copying, or altered</translation>
    </message>
    <message>
        <source>请重新导出一份</source>
        <translation>Export another one</translation>
    </message>
    <message>
        <source>同步文件内容无法读取</source>
        <translation>The sync file&apos;s content cannot be read</translation>
    </message>
    <message>
        <source>同步批次的内容无法解压或读取</source>
        <translation>The sync batch&apos;s content cannot be unpacked or read</translation>
    </message>
    <message>
        <source>与同步中心 {host} 的连接中途断开</source>
        <translation>The connection to the sync hub {host} broke off</translation>
    </message>
    <message>
        <source>稍后会自动重试，从断点继续</source>
        <translation>It will retry by itself later and continue where it stopped</translation>
    </message>
    <message>
        <source>请把双方都升级到最新版</source>
        <translation>Upgrade both sides to the latest version</translation>
    </message>
    <message>
        <source>与同步中心 {host} 的加密连接（TLS）无法建立：证书不受信任、已过期或与地址不符</source>
        <translation>A secure connection (TLS) to the sync hub {host} cannot be made: the certificate is untrusted, expired or does not match the address</translation>
    </message>
    <message>
        <source>找不到同步中心的地址“{host}”（域名解析失败）</source>
        <translation>Cannot find the sync hub&apos;s address “{host}” (name lookup failed)</translation>
    </message>
    <message>
        <source>请检查同步中心地址是否写错、本机能否上网</source>
        <translation>Check that the hub address is right and that this PC can reach the network</translation>
    </message>
    <message>
        <source>同步中心 {host}:{port} 拒绝连接：那里没有运行同步服务</source>
        <translation>The sync hub {host}:{port} refused the connection: no sync service is running there</translation>
    </message>
    <message>
        <source>连接同步中心 {host} 超时</source>
        <translation>Connecting to the sync hub {host} timed out</translation>
    </message>
    <message>
        <source>网络可能不通或太慢；稍后会自动重试</source>
        <translation>The network may be down or too slow; it will retry by itself later</translation>
    </message>
    <message>
        <source>同步中心 {host} 超过 {stall:g} 秒没有任何响应</source>
        <translation>The sync hub {host} has not responded for more than {stall:g} seconds</translation>
    </message>
    <message>
        <source>连不上同步中心 {host}（网络不通）</source>
        <translation>Cannot reach the sync hub {host} (no network)</translation>
    </message>
    <message>
        <source>请检查网线或无线网络</source>
        <translation>Check the network cable or wireless network</translation>
    </message>
    <message>
        <source>同步中心不认这台电脑（未登记或密钥不符）（HTTP 401）</source>
        <translation>The sync hub does not know this PC (not enrolled, or the key does not match) (HTTP 401)</translation>
    </message>
    <message>
        <source>请重新办理登记</source>
        <translation>Enrol again</translation>
    </message>
    <message>
        <source>本站已被同步中心注销（HTTP 403）</source>
        <translation>The sync hub has revoked this station (HTTP 403)</translation>
    </message>
    <message>
        <source>一次发送的数据超过了同步中心的上限（HTTP 413）</source>
        <translation>One send exceeded the sync hub&apos;s limit (HTTP 413)</translation>
    </message>
    <message>
        <source>同步中心正忙或网络太慢（HTTP {status}）</source>
        <translation>The sync hub is busy or the network is slow (HTTP {status})</translation>
    </message>
    <message>
        <source>稍后会自动重试</source>
        <translation>It will retry by itself later</translation>
    </message>
    <message>
        <source>同步中心处理时出错（HTTP {status}）</source>
        <translation>The sync hub failed while handling the request (HTTP {status})</translation>
    </message>
    <message>
        <source>同步中心拒收了这批数据：{message}</source>
        <translation>The sync hub refused this batch: {message}</translation>
    </message>
    <message>
        <source>网络中可能有设备在改动数据；请检查网络，或改用U盘同步</source>
        <translation>Some device on the network may be altering data; check the network, or sync by USB drive instead</translation>
    </message>
    <message>
        <source>{what}的签名不对，文件可能被改动过</source>
        <translation>The signature of {what} is wrong; the file may have been altered</translation>
    </message>
    <message>
        <source>请让对方重新生成一份</source>
        <translation>Ask the other side to make a new one</translation>
    </message>
    <message>
        <source>这份登记答复是给另一台电脑的，不是本机</source>
        <translation>This enrolment answer is for another PC, not this one</translation>
    </message>
    <message>
        <source>请用本机生成的登记申请去办理</source>
        <translation>Use the enrolment request made on this PC</translation>
    </message>
    <message>
        <source>“{hub}”不是本站的上级同步中心</source>
        <translation>“{hub}” is not this station&apos;s sync hub</translation>
    </message>
    <message>
        <source>请找本站所属的代理中心办理登记</source>
        <translation>Enrol with the centre this station belongs to</translation>
    </message>
    <message>
        <source>本机已登记在“{unit_name}”</source>
        <translation>This PC is already enrolled with “{unit_name}”</translation>
    </message>
    <message>
        <source>一台电脑只能登记在一个上级；如要更换，请联系原中心注销</source>
        <translation>A PC can be enrolled with one centre only; to change, ask the old centre to revoke it</translation>
    </message>
    <message>
        <source>没有找到已登记的站点“{who}”</source>
        <translation>No enrolled station “{who}” was found</translation>
    </message>
    <message>
        <source>用 haian-desk hub stations 查看登记的站点</source>
        <translation>See the enrolled stations with haian-desk hub stations</translation>
    </message>
    <message>
        <source>“{who}”对应多台电脑</source>
        <translation>“{who}” matches several PCs</translation>
    </message>
    <message>
        <source>请用安装编号指明要注销哪一台</source>
        <translation>Name the one to revoke by its installation ID</translation>
    </message>
    <message>
        <source>本机是代理站，不能为别的电脑办理登记</source>
        <translation>This PC is a station; it cannot enrol other PCs</translation>
    </message>
    <message>
        <source>登记应在镇（街道）代理中心或县级代理中心办理</source>
        <translation>Enrolment is done at a township (subdistrict) centre or the county centre</translation>
    </message>
    <message>
        <source>“{unit_name}”（{unit_code}）不属于{unit_name2}</source>
        <translation>“{unit_name}” ({unit_code}) does not belong to {unit_name2}</translation>
    </message>
    <message>
        <source>只能为本中心下辖的站点办理登记</source>
        <translation>Only stations under this centre can be enrolled</translation>
    </message>
    <message>
        <source>这不是{what}文件</source>
        <translation>This is not a {what} file</translation>
    </message>
    <message>
        <source>请检查选的文件</source>
        <translation>Check the file you chose</translation>
    </message>
    <message>
        <source>{what}的版本不受支持</source>
        <translation>The version of {what} is not supported</translation>
    </message>
    <message>
        <source>请双方都升级到最新版</source>
        <translation>Upgrade both sides to the latest version</translation>
    </message>
    <message>
        <source>{what}的内容不全</source>
        <translation>{what} is incomplete</translation>
    </message>
    <message>
        <source>单位 {unit_code}（{unit_name}）已由另一台电脑登记</source>
        <translation>Unit {unit_code} ({unit_name}) is already enrolled by another PC</translation>
    </message>
    <message>
        <source>请确认 https 地址正确，并用 --tls-ca 指定{centre}的证书文件</source>
        <translation>Check that the https address is right, and give the {centre}&apos;s certificate file with --tls-ca</translation>
    </message>
    <message>
        <source>请确认{centre}的电脑已开机并启动了同步服务（haian-desk hub serve）</source>
        <translation>Check that the {centre}&apos;s PC is on and its sync service is running (haian-desk hub serve)</translation>
    </message>
    <message>
        <source>{centre}可能太忙或网络太慢；稍后会自动重试，已传的部分不用重传</source>
        <translation>The {centre} may be too busy or the network too slow; it will retry by itself later, and what was sent need not be sent again</translation>
    </message>
    <message>
        <source>如有疑问请联系{centre}</source>
        <translation>If in doubt, contact the {centre}</translation>
    </message>
    <message>
        <source>已传的部分不受影响；稍后会自动重试，如反复出现请联系{centre}</source>
        <translation>What was sent is not affected; it will retry by itself later. If this keeps happening, contact the {centre}</translation>
    </message>
    <message>
        <source>收到的回复没有{centre}的有效签名，已拒绝采用</source>
        <translation>The reply had no valid signature of the {centre}; it was not used</translation>
    </message>
    <message>
        <source>同步中心拒收了这批数据（HTTP 422，回复没有{centre}的签名，原因不可信）</source>
        <translation>The sync hub refused this batch (HTTP 422; the reply had no signature of the {centre}, so its reason cannot be trusted)</translation>
    </message>
    <message>
        <source>请稍后再试；如反复出现请联系{centre}</source>
        <translation>Try again later; if this keeps happening, contact the {centre}</translation>
    </message>
    <message>
        <source>如是换了电脑，请先注销旧的登记：haian-desk hub revoke {id}</source>
        <translation>If the PC was replaced, revoke the old enrolment first: haian-desk hub revoke {id}</translation>
    </message>
    <message>
        <source>登记申请里的单位代码不正确：{error}</source>
        <translation>The unit code in the enrolment request is wrong: {error}</translation>
    </message>
    <message>
        <source>{path} 不是登记文件（无法读取）</source>
        <translation>{path} is not an enrolment file (cannot be read)</translation>
    </message>
    <message>
        <source>登记申请</source>
        <translation>the enrolment request</translation>
    </message>
    <message>
        <source>登记答复</source>
        <translation>the enrolment answer</translation>
    </message>
    <message>
        <source>本机还没有登记到上级同步中心</source>
        <translation>This PC is not enrolled with a sync hub yet</translation>
    </message>
    <message>
        <source>请先运行 haian-desk enrol request，把文件交给镇中心办理后再 enrol accept</source>
        <translation>Run haian-desk enrol request, take the file to the township centre, then run enrol accept</translation>
    </message>
    <message>
        <source>还不知道同步中心的网址</source>
        <translation>The sync hub&apos;s address is not known yet</translation>
    </message>
    <message>
        <source>请用 --hub http://镇中心地址:8765 指明（会记住）</source>
        <translation>Give it with --hub http://township-centre-address:8765 (it is remembered)</translation>
    </message>
    <message>
        <source>本站从备份恢复后，已从镇中心得知编号用到了哪里，可以继续办理</source>
        <translation>This station was restored from a backup and has learnt from the township centre how far its case numbers had gone: work can go on</translation>
    </message>
    <message>
        <source>同步中心没有确认收到刚发的一批</source>
        <translation>The sync hub did not confirm receiving the batch just sent</translation>
    </message>
    <message>
        <source>请联系镇中心检查同步服务</source>
        <translation>Ask the township centre to check its sync service</translation>
    </message>
    <message>
        <source>本机有镇中心已经没有的上级记录（镇中心可能从备份恢复过），请联系镇中心核对</source>
        <translation>This PC holds records from above that the township centre no longer has (it may have been restored from a backup): please contact the township centre to check</translation>
    </message>
    <message>
        <source>镇中心保存的本站记录比本机还多（本机可能从备份恢复过），请联系镇中心核对</source>
        <translation>The township centre holds more of this station&apos;s records than this PC does (this PC may have been restored from a backup): please contact the township centre to check</translation>
    </message>
    <message>
        <source>同步中心的回答无法读取</source>
        <translation>The sync hub&apos;s answer cannot be read</translation>
    </message>
    <message>
        <source>请先办理登记（haian-desk enrol request / enrol accept）</source>
        <translation>Enrol first (haian-desk enrol request / enrol accept)</translation>
    </message>
    <message>
        <source>{path} 是一个文件夹，不是同步文件</source>
        <translation>{path} is a folder, not a sync file</translation>
    </message>
    <message>
        <source>请选择文件夹里以 .hdsync 结尾的文件</source>
        <translation>Choose a file ending in .hdsync inside the folder</translation>
    </message>
    <message>
        <source>{name} 太大，不是一份同步文件</source>
        <translation>{name} is too large to be a sync file</translation>
    </message>
    <message>
        <source>请检查U盘是否插好、路径是否正确</source>
        <translation>Check that the USB drive is plugged in and the path is right</translation>
    </message>
    <message>
        <source>读不出文件 {path}（{value}）</source>
        <translation>Cannot read the file {path} ({value})</translation>
    </message>
    <message>
        <source>请检查U盘是否插好、文件是否被别的程序占用</source>
        <translation>Check that the USB drive is plugged in and the file is not in use by another program</translation>
    </message>
    <message>
        <source>本机是代理站，不能当作同步中心</source>
        <translation>This PC is a station; it cannot be a sync hub</translation>
    </message>
    <message>
        <source>同步中心应设在镇（街道）代理中心或县级代理中心</source>
        <translation>The sync hub belongs at a township (subdistrict) centre or the county centre</translation>
    </message>
    <message>
        <source>只能查询本站（及经由本站同步的站点）的记录</source>
        <translation>Only records of this station (and of stations syncing through it) can be queried</translation>
    </message>
    <message>
        <source>请检查同步程序的版本</source>
        <translation>Check the version of the sync program</translation>
    </message>
    <message>
        <source>请给恢复出的站点设一个新口令</source>
        <translation>Set a new passphrase for the restored station</translation>
    </message>
    <message>
        <source>用环境变量 {NEW_PASSPHRASE_ENV} 提供，至少8个字符；把它交给站长</source>
        <translation>Give it in the environment variable {NEW_PASSPHRASE_ENV}, at least 8 characters; hand it to the station head</translation>
    </message>
    <message>
        <source>{out} 里已经有站点数据，没有覆盖</source>
        <translation>{out} already holds station data; it was not overwritten</translation>
    </message>
    <message>
        <source>请指定一个新的空文件夹</source>
        <translation>Give a new, empty folder</translation>
    </message>
    <message>
        <source>这份同步文件是发给另一台电脑（{short}）的，不是本机</source>
        <translation>This sync file is for another PC ({short}), not this one</translation>
    </message>
    <message>
        <source>请确认拿的是发给本站（本中心）的文件</source>
        <translation>Make sure it is the file sent to this station (centre)</translation>
    </message>
    <message>
        <source>发出这份文件的电脑（{short}）没有在本机登记，不能导入</source>
        <translation>The PC that sent this file ({short}) is not enrolled here; it cannot be imported</translation>
    </message>
    <message>
        <source>请先用登记文件办理登记（haian-desk hub enrol）</source>
        <translation>Enrol it first with its enrolment file (haian-desk hub enrol)</translation>
    </message>
    <message>
        <source>“{unit_name}”已被注销，它发来的记录不再接收</source>
        <translation>“{unit_name}” has been revoked; its records are no longer accepted</translation>
    </message>
    <message>
        <source>如需恢复，请重新办理登记</source>
        <translation>To restore it, enrol it again</translation>
    </message>
    <message>
        <source>请求的发送方与批次里标明的站点不一致</source>
        <translation>The sender of the request differs from the station named in the batch</translation>
    </message>
    <message>
        <source>请不要转发别站的批次</source>
        <translation>Do not forward other stations&apos; batches</translation>
    </message>
    <message>
        <source>这份文件的方向不对（上报文件应导入到镇中心，回执文件应导入到本站）</source>
        <translation>This file goes the wrong way (reports are imported at the township centre, receipts at the station)</translation>
    </message>
    <message>
        <source>请检查导入的是哪一份文件</source>
        <translation>Check which file you are importing</translation>
    </message>
    <message>
        <source>同步批次标明的范围不正确</source>
        <translation>The scope stated in the sync batch is wrong</translation>
    </message>
    <message>
        <source>这一批标明覆盖 {value} 个位置，但只带来 {n_events} 条记录，超出发送方可能有的记录</source>
        <translation>This batch claims to cover {value} positions but brings only {n_events} records, more than the sender can have</translation>
    </message>
    <message>
        <source>发出方的数据可能已损坏或被篡改；请联系镇中心核查</source>
        <translation>The sender&apos;s data may be damaged or tampered with; ask the township centre to check</translation>
    </message>
    <message>
        <source>同步密钥文件的类型不对（{folder}）</source>
        <translation>The sync key file is of the wrong type ({folder})</translation>
    </message>
    <message>
        <source>请恢复原来的密钥文件，或重新登记</source>
        <translation>Restore the original key files, or enrol again</translation>
    </message>
    <message>
        <source>同步密钥文件不全（{folder}）</source>
        <translation>The sync key files are incomplete ({folder})</translation>
    </message>
    <message>
        <source>请从备份恢复密钥文件；或删除整个文件夹后重新登记</source>
        <translation>Restore the key files from a backup, or delete the whole folder and enrol again</translation>
    </message>
    <message>
        <source>同步密钥已加密，但本机找不到本站钥匙（{folder}）</source>
        <translation>The sync keys are encrypted, but this PC cannot find the station key ({folder})</translation>
    </message>
    <message>
        <source>请把本站的钥匙文件（station-key.json）放回数据目录，或从备份恢复</source>
        <translation>Put the station key file (station-key.json) back in the data folder, or restore from a backup</translation>
    </message>
    <message>
        <source>本机还没有同步密钥（{folder}）</source>
        <translation>This PC has no sync keys yet ({folder})</translation>
    </message>
    <message>
        <source>请先运行 haian-desk enrol request 生成登记文件</source>
        <translation>Run haian-desk enrol request first to make the enrolment file</translation>
    </message>
    <message>
        <source>同步密钥打不开（{folder}）：它们不是用本站现在的钥匙加密的</source>
        <translation>The sync keys cannot be opened ({folder}): they were not encrypted with the station&apos;s current key</translation>
    </message>
    <message>
        <source>请恢复原来的数据目录；或删除这个文件夹后重新登记同步</source>
        <translation>Restore the original data folder, or delete this folder and enrol for sync again</translation>
    </message>
    <message>
        <source>登记答复是空的</source>
        <translation>The enrolment answer is empty</translation>
    </message>
    <message>
        <source>请重新向上级中心办理登记</source>
        <translation>Enrol with the higher centre again</translation>
    </message>
    <message>
        <source>--workers 至少为 1</source>
        <translation>--workers must be at least 1</translation>
    </message>
    <message>
        <source>一般与服务器的处理器核数相同</source>
        <translation>Usually the same as the server&apos;s number of processor cores</translation>
    </message>
    <message>
        <source>--push-every 不能是负数</source>
        <translation>--push-every cannot be negative</translation>
    </message>
    <message>
        <source>填秒数，如 300；填 0 则不自动上报</source>
        <translation>Give seconds, e.g. 300; 0 switches automatic pushing off</translation>
    </message>
    <message>
        <source>这份文件的方向不对（这是下级的上报文件，不是上级的回执）</source>
        <translation>This file goes the wrong way (it is a report from below, not a reply from above)</translation>
    </message>
    <message>
        <source>请导入上级中心发回的回执文件</source>
        <translation>Import the reply file sent back by the higher centre</translation>
    </message>
    <message>
        <source>还不知道上级中心的网址</source>
        <translation>The higher centre&apos;s address is not known yet</translation>
    </message>
    <message>
        <source>请用 --hub https://上级中心地址 指明（会记住）</source>
        <translation>Give it with --hub https://higher-centre-address (it is remembered)</translation>
    </message>
    <message>
        <source>另一次上报正在进行</source>
        <translation>Another push is under way</translation>
    </message>
    <message>
        <source>请等它结束后再上报（同一时间只能有一次上报）</source>
        <translation>Wait for it to finish, then push (only one push at a time)</translation>
    </message>
    <message>
        <source>上级中心没有确认收到刚发的一批</source>
        <translation>The higher centre did not confirm receiving the batch just sent</translation>
    </message>
    <message>
        <source>请联系上级中心检查同步服务</source>
        <translation>Ask the higher centre to check its sync service</translation>
    </message>
    <message>
        <source>上级中心的回复无法读取</source>
        <translation>The higher centre&apos;s reply cannot be read</translation>
    </message>
    <message>
        <source>这个命令只用于 PostgreSQL 中心</source>
        <translation>This command is only for a centre on PostgreSQL</translation>
    </message>
    <message>
        <source>请用 --database 指明中心的数据库；镇中心和代理站用 haian-desk sync</source>
        <translation>Give the centre&apos;s database with --database; township centres and stations use haian-desk sync</translation>
    </message>
    <message>
        <source>{folder} 是一台电脑的站点数据目录，不能当作 PostgreSQL 中心的密钥目录</source>
        <translation>{folder} is an installation&apos;s data folder; it cannot serve as a PostgreSQL hub&apos;s keys folder</translation>
    </message>
    <message>
        <source>请给中心的密钥单独建一个文件夹（如 /srv/haian-hub/keys），用 --data-dir 指明</source>
        <translation>Make a separate folder for the hub&apos;s keys (e.g. /srv/haian-hub/keys) and name it with --data-dir</translation>
    </message>
    <message>
        <source>{folder} 里的同步密钥不是这个中心一直使用的那一套</source>
        <translation>The sync keys in {folder} are not the ones this hub has always used</translation>
    </message>
    <message>
        <source>请用中心原来的密钥目录（每个服务进程、每台服务器都要用同一套密钥）</source>
        <translation>Use the hub&apos;s original keys folder (every server process and every server must use the same keys)</translation>
    </message>
    <message>
        <source>只有代理站和镇中心可以这样恢复（现在是 {role}）</source>
        <translation>Only a station or a township centre can be restored this way (this one is {role})</translation>
    </message>
    <message>
        <source>{folder} 里已经有数据库</source>
        <translation>{folder} already holds a database</translation>
    </message>
    <message>
        <source>恢复要在一个空的数据目录里进行</source>
        <translation>Recovery must be done in an empty data folder</translation>
    </message>
    <message>
        <source>这不是恢复申请文件</source>
        <translation>This is not a recovery request file</translation>
    </message>
    <message>
        <source>请让站点用 haian-desk recover request 生成</source>
        <translation>Ask the station to make one with haian-desk recover request</translation>
    </message>
    <message>
        <source>本中心没有登记过单位 {unit_code}</source>
        <translation>This centre has never registered unit {unit_code}</translation>
    </message>
    <message>
        <source>只能恢复在本中心登记过的站点；新站请走正常登记</source>
        <translation>Only stations registered at this centre can be recovered; a new station enrols the normal way</translation>
    </message>
    <message>
        <source>单位 {unit_code} 在本中心登记的是{enrolled}，恢复申请却说是{asked}</source>
        <translation>Unit {unit_code} is enrolled here as {enrolled}, but the recovery request says {asked}</translation>
    </message>
    <message>
        <source>请核对单位代码；镇中心的恢复申请用 haian-desk recover request --township-code 生成</source>
        <translation>Check the unit code; a township centre&apos;s recovery request is made with haian-desk recover request --township-code</translation>
    </message>
    <message>
        <source>这不是镇中心的恢复答复文件</source>
        <translation>This is not a recovery answer from the township</translation>
    </message>
    <message>
        <source>请拿镇中心 hub reapprove 生成的文件</source>
        <translation>Use the file the township made with hub reapprove</translation>
    </message>
    <message>
        <source>这份恢复答复是给另一台电脑的</source>
        <translation>This recovery answer is for another computer</translation>
    </message>
    <message>
        <source>请用本机生成的恢复申请去办理</source>
        <translation>Take the recovery request made on this computer to the township</translation>
    </message>
    <message>
        <source>这份恢复答复要恢复的不是代理站或镇中心</source>
        <translation>This recovery answer is not for a station or a township centre</translation>
    </message>
    <message>
        <source>请拿上级中心 hub reapprove 生成的文件</source>
        <translation>Use the file the centre above made with hub reapprove</translation>
    </message>
    <message>
        <source>请用 --from-hub http://镇中心地址:8765 指明</source>
        <translation>Give the township&apos;s address with --from-hub http://TOWNSHIP:8765</translation>
    </message>
    <message>
        <source>请用本站的备份</source>
        <translation>Use this station&apos;s own backup</translation>
    </message>
    <message>
        <source>恢复申请</source>
        <translation>recovery request</translation>
    </message>
    <message>
        <source>恢复答复</source>
        <translation>recovery answer</translation>
    </message>
    <message>
        <source>{folder} 里没有本中心的同步密钥</source>
        <translation>{folder} holds no sync keys of this centre</translation>
    </message>
    <message>
        <source>请用 --data-dir 指明中心同步服务使用的密钥目录（hub serve 的 --data-dir）</source>
        <translation>Name the key folder the centre&apos;s sync service uses with --data-dir (hub serve&apos;s --data-dir)</translation>
    </message>
    <message>
        <source>请用 --answer 给出镇中心的恢复答复文件，用 --admin 给出新的管理员登录名</source>
        <translation>Give the township&apos;s recovery answer with --answer and the new admin login with --admin</translation>
    </message>
    <message>
        <source>先在新电脑上运行 haian-desk recover request，交镇中心办理</source>
        <translation>First run haian-desk recover request on the new computer and take it to the township</translation>
    </message>
    <message>
        <source>请用环境变量 HAIAN_DESK_ADMIN_PASSWORD 提供新的管理员密码</source>
        <translation>Give the new admin password in the environment variable HAIAN_DESK_ADMIN_PASSWORD</translation>
    </message>
    <message>
        <source>重发需要联网同步，但还不知道镇中心的网址</source>
        <translation>Resending needs online sync, but the township centre&apos;s address is not known</translation>
    </message>
    <message>
        <source>请先填写镇中心的网址</source>
        <translation>Enter the township centre&apos;s address first</translation>
    </message>
    <message>
        <source>没有找到要重发的记录</source>
        <translation>No records to resend were found</translation>
    </message>
    <message>
        <source>列表可能已过期；请刷新</source>
        <translation>The list may be out of date; refresh it</translation>
    </message>
    <message>
        <source>{name} 不是海安代理工作台的备份文件</source>
        <translation>{name} is not a Haian Desk backup file</translation>
    </message>
    <message>
        <source>请选择备份时生成的 .hdbackup 文件</source>
        <translation>Choose a .hdbackup file made by a backup</translation>
    </message>
    <message>
        <source>{name} 已损坏，不能恢复（{damage_text}）</source>
        <translation>{name} is damaged and cannot be restored ({damage_text})</translation>
    </message>
    <message>
        <source>{name} 已损坏，不能恢复（{table} 表里有读不出的文字：{damage_text}）</source>
        <translation>{name} is damaged and cannot be restored (unreadable text in table {table}: {damage_text})</translation>
    </message>
    <message>
        <source>今天的自动备份没有做成：数据库文件已损坏（{problem}）</source>
        <translation>Today&apos;s automatic backup failed: the database file is damaged ({problem})</translation>
    </message>
    <message>
        <source>同步批次的标头不是规范格式（有重复或多余的内容）</source>
        <translation>The sync batch&apos;s header is not in canonical form (repeated or extra content)</translation>
    </message>
    <message>
        <source>同步批次的内容与标头标明的记录数不符</source>
        <translation>The sync batch&apos;s content does not match the number of records its header states</translation>
    </message>
    <message>
        <source>同步批次里有记录的序号超出了能保存的范围</source>
        <translation>A record in the sync batch has a sequence number beyond what can be stored</translation>
    </message>
    <message>
        <source>发出方的数据可能已损坏；请重新导出</source>
        <translation>The sender&apos;s data may be damaged; export it again</translation>
    </message>
    <message>
        <source>同步文件已损坏（文件头不是规范格式）</source>
        <translation>The sync file is damaged (header not in canonical form)</translation>
    </message>
    <message>
        <source>同步批次的标头无法读取（{value}）</source>
        <translation>The sync batch&apos;s header cannot be read ({value})</translation>
    </message>
    <message>
        <source>同步批次的标头不正确（{error}）</source>
        <translation>The sync batch&apos;s header is wrong ({error})</translation>
    </message>
    <message>
        <source>请重新导出；如反复出现请把双方都升级到最新版</source>
        <translation>Export it again; if it keeps happening, upgrade both sides to the latest version</translation>
    </message>
    <message>
        <source>同步批次解压后太大，超过了它标明的记录数能有的大小</source>
        <translation>The sync batch unpacks larger than its stated number of records allows</translation>
    </message>
    <message>
        <source>请分成几次导出；如反复出现请联系镇中心</source>
        <translation>Export it in several parts; if it keeps happening, contact the township centre</translation>
    </message>
    <message>
        <source>同步批次的内容不完整或末尾多出了数据</source>
        <translation>The sync batch&apos;s content is incomplete or has extra data at its end</translation>
    </message>
    <message>
        <source>同步文件已损坏（文件头内容不对）</source>
        <translation>The sync file is damaged (wrong header content)</translation>
    </message>
    <message>
        <source>请稍后再试</source>
        <translation>Try again later</translation>
    </message>
    <message>
        <source>没有这个接口</source>
        <translation>There is no such endpoint</translation>
    </message>
    <message>
        <source>请检查同步中心的地址（不要带路径）</source>
        <translation>Check the sync hub&apos;s address (without a path)</translation>
    </message>
    <message>
        <source>这个接口不接受这种请求方式</source>
        <translation>This endpoint does not accept this kind of request</translation>
    </message>
    <message>
        <source>收到的数据与请求声明的不一致（传输中被改动或不完整）</source>
        <translation>The data received does not match what the request declared (altered or incomplete in transit)</translation>
    </message>
    <message>
        <source>同步程序会自动重新签名再发</source>
        <translation>Sync signs it again and resends it by itself</translation>
    </message>
    <message>
        <source>网络可能太慢；稍后会自动重试</source>
        <translation>The network may be too slow; it will retry by itself later</translation>
    </message>
    <message>
        <source>请填写镇中心的网址</source>
        <translation>Enter the township centre&apos;s address</translation>
    </message>
    <message>
        <source>例如 http://192.168.1.10:8765</source>
        <translation>For example http://192.168.1.10:8765</translation>
    </message>
    <message>
        <source>“{text}”不是网址</source>
        <translation>“{text}” is not a web address</translation>
    </message>
    <message>
        <source>本机还没有登记到镇中心</source>
        <translation>This PC is not enrolled with the township centre yet</translation>
    </message>
    <message>
        <source>请先办理登记，再填写网址</source>
        <translation>Enrol first, then enter the address</translation>
    </message>
    <message>
        <source>网址里的端口号不对</source>
        <translation>The port number in the address is wrong</translation>
    </message>
    <message>
        <source>端口是冒号后面的数字，如 8765</source>
        <translation>The port is the number after the colon, e.g. 8765</translation>
    </message>
</context>
</TS>
