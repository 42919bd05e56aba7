namespace Portal.Web.Features.Chat.DemoData;

/// <summary>A past conversation's lines: the investor and the agent take turns, the investor first.</summary>
internal sealed record ChatDemoScript(ChatTopic Topic, string Culture, string[] Lines);

/// <summary>What the demo history's conversations say, in both languages, and the desk's canned responses.</summary>
internal static class ChatDemoScripts
{
    public static readonly ChatDemoScript[] Scripts =
    [
        new(ChatTopic.Statements, "zh-Hans",
        [
            "你好，我想下载上个月的对账单，但是页面上找不到。",
            "您好，对账单在“对账单”页面，按年份列出。请问您要的是哪个月份？",
            "十月份的。",
            "十月的对账单已经生成，点开“2026年10月”后可以下载 PDF 或 CSV。",
            "找到了，谢谢！",
        ]),
        new(ChatTopic.Statements, "zh-Hans",
        [
            "对账单上的期末市值和我自己算的不一样。",
            "我来帮您核对。对账单的期末市值按月末最后一个交易日的净值计算，请问您是按哪一天的净值算的？",
            "我用的是今天的净值。",
            "那就对上了：今天的净值和月末不同。月末净值在对账单的持仓明细里可以看到。",
            "明白了，多谢解释。",
            "不客气，还有其他问题可以随时联系我们。",
        ]),
        new(ChatTopic.Trading, "zh-Hans",
        [
            "我昨天提交的申购为什么还显示“待确认”？",
            "您好，基金申购一般在交易日后的第一个工作日确认。您是昨天下午三点以后提交的吗？",
            "是的，大概四点。",
            "三点以后的申购按下一个交易日处理，所以会在明天确认，份额确认后交易记录里会显示“已确认”。",
            "好的，那我明天再看看。",
        ]),
        new(ChatTopic.Trading, "zh-Hans",
        [
            "赎回的钱多久能到账？",
            "货币基金一般一个工作日到账，股票型和混合型基金一般三到四个工作日。请问您赎回的是哪只产品？",
            "稳健增长混合。",
            "这只是混合型基金，预计三个工作日内到账，到账后会有短信通知。",
        ]),
        new(ChatTopic.General, "zh-Hans",
        [
            "怎么修改绑定的手机号？",
            "您好，登录后在“个人资料”里可以申请修改手机号，需要验证原手机号和身份证后四位。",
            "原来的手机号已经不用了怎么办？",
            "这种情况需要提交一个服务请求，我们的同事会在一个工作日内联系您核实身份。",
            "好的，我去提交。",
        ]),
        new(ChatTopic.General, "zh-Hans",
        [
            "你们周末有人工客服吗？",
            "在线客服的服务时间是工作日 9:00 至 17:30。非服务时间您可以留言，我们会在下一个工作日回复。",
            "知道了。",
        ]),
        new(ChatTopic.Complaints, "zh-Hans",
        [
            "我上周打电话投诉过，到现在还没有人回复。",
            "非常抱歉让您久等了。请问您还记得投诉的时间，或者方便提供一下事由吗？",
            "上周二，关于赎回到账延迟的事情。",
            "我已经查到这条记录，会请投诉处理岗的同事今天内回电给您，并把处理进度发到您的站内信。",
            "希望这次能尽快处理。",
            "一定会的，再次向您致歉。",
        ]),
        new(ChatTopic.Complaints, "zh-Hans",
        [
            "你们的手续费比说好的高，我要投诉。",
            "理解您的心情。为了核实，请问是哪一笔交易、哪一天的？",
            "11月3号那笔申购。",
            "这笔申购的费率是 1.2%，折扣在确认后以返还形式到账。我把情况记录下来，交给专家岗再核对一遍。",
        ]),
        new(ChatTopic.Statements, "en",
        [
            "Hi, where can I find my statement for last month?",
            "Hello! Statements are on the Statements page, listed by year. Open the month you need to download the PDF or CSV.",
            "Got it, thanks.",
        ]),
        new(ChatTopic.Trading, "en",
        [
            "My redemption is still pending. Is that normal?",
            "Hello, redemptions of mixed funds usually settle within three business days. May I ask when you placed it?",
            "On Monday afternoon.",
            "Then it should arrive by Thursday; you will get a text message when it does.",
            "Thank you.",
        ]),
        new(ChatTopic.General, "en",
        [
            "How do I turn on two-step sign-in?",
            "Hi! On your Profile page choose two-step sign-in and scan the code with an authenticator app.",
            "Done, it works.",
            "Great, your account is now better protected.",
        ]),
        new(ChatTopic.Complaints, "en",
        [
            "I was charged a fee I did not expect.",
            "I am sorry about that. Could you tell me the date of the transaction?",
            "November 12.",
            "Thank you. I have noted it and passed it to our complaints team, who will reply within two business days.",
        ]),
    ];

    public static string Greeting(string culture, string agentName) => culture == "en"
        ? $"Hello, this is {agentName}. How can I help you today?"
        : $"您好，我是客服{agentName}，很高兴为您服务。";

    public static string TransferNote(string culture) => culture == "en"
        ? "Client asks about a fee refund; needs a specialist's check."
        : "客户对费用有疑问，需要专家岗核实。";

    public static string TransferGreeting(string culture, string specialistName) => culture == "en"
        ? $"Hello, I am {specialistName} from the specialist team. I have read the conversation so far."
        : $"您好，我是专家岗的{specialistName}，前面的对话我已经看过了。";

    public static readonly string[] RatingComments =
    [
        "回复很快，解释得很清楚。", "很耐心，谢谢。", "问题解决了。", "等待时间有点长。", "还是没弄明白。",
        "Quick and helpful.", "Clear answer, thanks.",
    ];

    /// <summary>The desk's canned responses, by shortcut, in both languages.</summary>
    public static readonly (string Shortcut, string Culture, string Title, string Text)[] CannedResponses =
    [
        ("hello", "zh-Hans", "问候", "您好，很高兴为您服务，请问有什么可以帮您？"),
        ("hello", "en", "Greeting", "Hello, thank you for contacting us. How can I help you today?"),
        ("wait", "zh-Hans", "请稍候", "请稍等，我正在为您查询。"),
        ("wait", "en", "One moment", "One moment please, I am looking into it."),
        ("statement", "zh-Hans", "对账单位置", "对账单在“对账单”页面按年份列出，打开月份即可下载 PDF 或 CSV。"),
        ("statement", "en", "Where statements are", "Statements are on the Statements page, by year; open a month to download the PDF or CSV."),
        ("settle", "zh-Hans", "赎回到账时间", "货币基金一般一个工作日到账，股票型和混合型基金一般三到四个工作日到账。"),
        ("settle", "en", "Redemption timing", "Money-market redemptions usually settle in one business day; equity and mixed funds in three to four."),
        ("hours", "zh-Hans", "服务时间", "在线客服服务时间为工作日 9:00 至 17:30，非服务时间可以留言。"),
        ("hours", "en", "Opening hours", "Live chat is open on working days from 9:00 to 17:30; outside those hours you can leave a message."),
        ("complaint", "zh-Hans", "投诉受理", "非常抱歉给您带来不便，您的投诉已记录，我们会在两个工作日内答复您。"),
        ("complaint", "en", "Complaint received", "I am sorry for the trouble. Your complaint is recorded and we will answer within two business days."),
        ("bye", "zh-Hans", "结束语", "感谢您的咨询，祝您生活愉快！如有其他问题欢迎随时联系我们。"),
        ("bye", "en", "Closing", "Thank you for chatting with us. Have a good day, and contact us any time."),
    ];
}
