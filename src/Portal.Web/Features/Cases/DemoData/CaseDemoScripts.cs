namespace Portal.Web.Features.Cases.DemoData;

/// <summary>One demo case's words: what the client wrote, the desk's first answer, the client's answer when asked for more, and the resolution.</summary>
internal sealed record CaseDemoScript(
    CaseKind Kind, RequestType? Type, CaseCategory Category, string Culture, string Subject, string Description, string FirstReply, string ClientAnswer,
    string Resolution);

/// <summary>The demo cases' texts, written for the portal in Chinese and English (most clients write in Chinese).</summary>
internal static class CaseDemoScripts
{
    public static readonly CaseDemoScript[] Scripts =
    [
        new(CaseKind.Request, RequestType.PasswordReset, CaseCategory.OnlineServices, "zh-Hans", "交易密码忘记了，需要重置",
            "今天登录交易软件时连续输错密码，现在无法下单，请帮我重置交易密码。", "您好，已收到您的重置申请。为核实身份，请确认您预留的手机号后四位。",
            "后四位是 0001。", "交易密码已重置，临时密码已通过短信发送到您预留的手机号，首次登录后请立即修改。"),
        new(CaseKind.Request, RequestType.OnlineAccessChange, CaseCategory.OnlineServices, "zh-Hans", "网上账户被锁定，申请解锁",
            "手机银行和网上交易都显示账户已锁定，我没有做过任何操作。", "您好，系统显示账户因多次登录失败被自动锁定。请问最近是否在新设备上登录过？",
            "昨天换了新手机，可能是自动填充的旧密码。", "已为您解锁网上账户，并清除了旧设备的登录记录。建议开启两步验证，保护账户安全。"),
        new(CaseKind.Request, RequestType.OnlineAccessChange, CaseCategory.Account, "zh-Hans", "更新联系地址和邮箱",
            "我搬家了，需要更新通讯地址，同时把对账单邮箱改成新的工作邮箱。", "您好，请上传新地址的证明材料（水电费账单或租赁合同均可）。",
            "已上传租赁合同的扫描件。", "您的通讯地址和对账单邮箱已更新，下月起对账单将发送到新邮箱。"),
        new(CaseKind.Request, RequestType.AccountActivation, CaseCategory.Account, "zh-Hans", "开户后账户一直未激活",
            "上周五已经完成开户和银行三方存管，但账户状态一直是未激活。", "您好，我们正在核对您的三方存管信息，预计今天内处理完毕。",
            "好的，我等你们消息。", "账户已激活，银证转账功能已开通，您现在可以登录交易软件查询资金。"),
        new(CaseKind.Request, RequestType.OnlineActivation, CaseCategory.OnlineServices, "zh-Hans", "网上激活收不到验证码",
            "在网上激活账户时，点击发送验证码后一直没有收到短信。", "您好，请确认手机是否开启了短信拦截，我们已为您重新发送。",
            "关掉拦截后还是没有收到。", "已核实运营商通道延迟，改用语音验证码为您完成了网上激活。"),
        new(CaseKind.Request, RequestType.AuthorisationCode, CaseCategory.OnlineServices, "zh-Hans", "申请交易软件授权码",
            "重装电脑后需要重新绑定交易软件，请提供新的授权码。", "您好，授权码将发送到您预留的手机号，请注意查收。",
            "收到了，谢谢。", "新的授权码已发送并绑定成功，旧设备的授权已同时作废。"),
        new(CaseKind.Request, RequestType.AccountTransfer, CaseCategory.Account, "zh-Hans", "申请转户到上海营业部",
            "工作调动到上海，希望把账户从深圳营业部转到上海营业部。", "您好，转户需要您确认当日没有未成交的委托，并在转入营业部预约见证。",
            "已经撤销了所有挂单，预约了下周二上午。", "转户手续已办理完成，您的账户已归属上海营业部，持仓和资金不受影响。"),
        new(CaseKind.Request, RequestType.AccountClosing, CaseCategory.Account, "zh-Hans", "申请注销资金账户",
            "我在贵公司有两个资金账户，想注销其中不用的那一个。", "您好，注销前请先将该账户内的资金转出，并确认没有持仓。",
            "资金已全部转出，没有持仓。", "尾号 7721 的资金账户已注销，注销确认函已发送到您的邮箱。"),
        new(CaseKind.Request, RequestType.RemoteAssistance, CaseCategory.OnlineServices, "zh-Hans", "交易软件升级后打不开",
            "昨晚按提示升级了交易软件，现在双击图标没有任何反应。", "您好，我们可以远程协助排查，请告诉我们方便的时间。",
            "现在就可以。", "远程检查发现杀毒软件拦截了新版本的组件，已添加信任并完成修复，软件恢复正常。"),
        new(CaseKind.Request, RequestType.AccountOpening, CaseCategory.Account, "zh-Hans", "为家人预约开户",
            "想帮父亲预约开户，他不太会用手机，能否安排营业部办理？", "您好，已为您登记预约，请告知方便到营业部的日期。",
            "本周四下午可以。", "已预约本周四 14:00 在营业部办理开户，请携带本人身份证和银行卡。"),
        new(CaseKind.Request, RequestType.Other, CaseCategory.Statements, "zh-Hans", "补发去年的年度对账单",
            "报税需要去年全年的对账单，网上只能看到最近的月份。", "您好，我们会为您整理去年全年的对账单并发送到邮箱。",
            "请发到现在预留的邮箱。", "去年全年 12 个月的对账单已合并为一份 PDF 发送到您的邮箱。"),
        new(CaseKind.Complaint, null, CaseCategory.Fees, "zh-Hans", "佣金比约定的高",
            "开户时约定的佣金是万分之二点五，但最近几笔成交的佣金明显更高。", "您好，已收到您的投诉，我们正在核对您的佣金设置和近期成交记录。",
            "开户时客户经理有书面确认，我可以提供截图。", "经核查，系统佣金参数在十月调整时设置有误。已恢复约定费率，并将多收的佣金退回您的资金账户。"),
        new(CaseKind.Complaint, null, CaseCategory.Trading, "zh-Hans", "委托下单后长时间未成交也无法撤单",
            "开盘时下的限价单一直显示已报，撤单按钮灰色，错过了卖出时机。", "您好，我们正在调取当时的委托日志，请提供委托时间和证券代码。",
            "大约 9:31，代码 600519。", "日志显示当时行情服务器拥堵导致撤单请求延迟。我们已优化线路，并按规定对您的损失进行了补偿评估，结果已电话告知。"),
        new(CaseKind.Complaint, null, CaseCategory.Statements, "zh-Hans", "对账单上的持仓市值不对",
            "十月对账单的期末市值比我在软件里看到的少了一大截。", "您好，我们会逐笔核对您十月的持仓和估值价格。",
            "主要是那只债券基金。", "核对后发现该基金的估值日期取错了一天。已重新出具十月对账单，新的文件可在对账单页面下载。"),
        new(CaseKind.Complaint, null, CaseCategory.StaffConduct, "zh-Hans", "电话客服态度不好",
            "昨天打电话咨询转户，客服语气很不耐烦，问题也没有解释清楚。", "您好，非常抱歉给您带来不好的体验，我们会调取通话录音核实。",
            "希望你们重视服务质量。", "已核实录音并对相关人员进行了服务培训。转户问题已由专人电话为您解答，感谢您的监督。"),
        new(CaseKind.Complaint, null, CaseCategory.OnlineServices, "zh-Hans", "手机 App 经常闪退",
            "最近一周打开行情页面就闪退，影响看盘和交易。", "您好，请告诉我们手机型号和系统版本，方便技术部门排查。",
            "华为 Mate 60，系统已是最新版。", "技术部门已定位到该机型的兼容问题，新版本已发布，升级后不再闪退。"),
        new(CaseKind.Request, RequestType.PasswordReset, CaseCategory.OnlineServices, "en", "Reset my trading password",
            "I locked myself out of the trading app after too many wrong passwords. Please reset it.", "Hello, we have your request. To confirm it is you, please give the last four digits of your registered mobile.",
            "They are 0002.", "Your trading password is reset; a temporary one is on its way to your mobile. Please change it when you first sign in."),
        new(CaseKind.Request, RequestType.OnlineAccessChange, CaseCategory.Account, "en", "Change my statement e-mail address",
            "Please send my monthly statements to my new e-mail address from next month.", "Hello, please confirm the new address by replying from it or uploading a document that shows it.",
            "I have uploaded a letter from my employer.", "Your statement e-mail is updated; next month's statement goes to the new address."),
        new(CaseKind.Request, RequestType.Other, CaseCategory.Statements, "en", "A copy of last year's statements",
            "I need all of last year's statements for my tax return.", "Hello, we will put last year's statements together and e-mail them to you.",
            "The address on file is fine.", "All twelve of last year's statements are in one PDF, sent to your e-mail address."),
        new(CaseKind.Complaint, null, CaseCategory.Fees, "en", "Charged a fee I was never told about",
            "My November statement shows a service fee that nobody mentioned when I opened the account.", "Hello, we are sorry for the surprise. We are checking your account's fee settings now.",
            "I have the welcome letter, which lists no such fee.", "The fee was applied in error to accounts opened online in October. It has been refunded to your account, and the setting corrected."),
        new(CaseKind.Complaint, null, CaseCategory.Trading, "en", "Order stuck and could not be cancelled",
            "A limit order stayed 'submitted' for an hour and the cancel button did nothing.", "Hello, we are pulling the order log; please tell us the time and the security code.",
            "About 10:05, code 000001.", "The log shows a delay on the quote server at that time. The route has been fixed and the case for compensation reviewed; we called you with the outcome."),
    ];

    /// <summary>An internal note the handler leaves on a harder case.</summary>
    public static string Note(string culture) => culture == "en"
        ? "Checked the account history; nothing unusual apart from what the client reports."
        : "已查看账户历史记录，除客户反映的问题外无其他异常。";

    public static string EscalationReason(string culture) => culture == "en"
        ? "Needs a specialist: compensation may be due."
        : "涉及补偿判断，需要专家岗处理。";

    public static string Investigation(string culture) => culture == "en"
        ? "Reviewed the records of the day and the client's account settings with the operations team."
        : "会同运营部门调取了当日记录和客户账户设置，逐项核对。";

    public static string ClientResponse(string culture) => culture == "en" ? "The client accepted the resolution." : "客户表示接受处理结果。";

    public static string ReviewRemark(string culture) => culture == "en" ? "Handling and reply checked." : "处理过程和答复已复核。";

    public static string RatingComment(string culture, int score) => (culture, score) switch
    {
        ("en", >= 5) => "Quick and clear, thank you.",
        ("en", 4) => "Sorted out, though it took a while.",
        ("en", _) => "Too slow; I had to ask twice.",
        (_, >= 5) => "处理很快，说明也很清楚，谢谢。",
        (_, 4) => "问题解决了，就是等的时间有点长。",
        _ => "处理太慢，催了好几次。",
    };
}
