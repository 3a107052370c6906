<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>{0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认对办件 {0} 执行“{1}”？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定（Ctrl+Enter）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消（Esc）</source>
        <translation type="unfinished"></translation>
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
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>办件详情</source>
        <translation type="unfinished">Case details</translation>
    </message>
    <message>
        <source>正在读取办件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现在可以办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>群众</source>
        <translation type="unfinished">Villagers</translation>
    </message>
    <message>
        <source>显示完整号码（Alt+V）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号和电话平时遮挡显示，防止旁人看到；需要时再显示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项</source>
        <translation type="unfinished">Matter</translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished">Time</translation>
    </message>
    <message>
        <source>经办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理经过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办件 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办结期限 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无办结期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="unfinished">ID number</translation>
    </message>
    <message>
        <source>电话</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <source>住址</source>
        <translation type="unfinished">Address</translation>
    </message>
    <message>
        <source>遮挡号码（Alt+V）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation type="unfinished">Time limit</translation>
    </message>
    <message>
        <source>办理路径</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>诉求内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标记</source>
        <translation type="unfinished">Flags</translation>
    </message>
    <message>
        <source>已收材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待补材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>授权委托</source>
        <translation type="unfinished">Authorisation</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation type="unfinished">Registered</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现在在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会办单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>告知群众</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>群众评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>久拖不决/历史遗留</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访</source>
        <translation type="unfinished">Petition</translation>
    </message>
    <message>
        <source>差评待回访整改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已签书面委托书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未签书面委托书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该办件已结束，无需再办理</source>
        <translation type="unfinished"></translation>
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
        <translation>Villagers</translation>
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
    <name>ConfirmPage</name>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>按“完成”建站。建好后可在“设置”里查看本站信息。</source>
        <translation>Press Finish to create the station. Its details are shown under Settings afterwards.</translation>
    </message>
    <message>
        <source>单位：{0}（{1}）
身份：{2}
管理员：{3}</source>
        <translation>Unit: {0} ({1})
Role: {2}
Administrator: {3}</translation>
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
        <translation>Today's automatic backup failed ({0}); please check the free disk space</translation>
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
        <translation>This station's database file is damaged and the program cannot open it.</translation>
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
    <name>Feedback</name>
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
        <source>打印/补打</source>
        <translation>Print / reprint</translation>
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
        <source>共 {0} 件，已显示 {1} 件</source>
        <translation>{0} cases, {1} shown</translation>
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
        <source>事项目录</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
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
        <source>站名(&amp;N)</source>
        <translation>Station &amp;name</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>请填写本站名称</source>
        <translation>Please enter the station&apos;s name</translation>
    </message>
    <message>
        <source>例如：曲塘镇杨庄村代理站</source>
        <translation>For example: 曲塘镇杨庄村代理站</translation>
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
</context>
</TS>
