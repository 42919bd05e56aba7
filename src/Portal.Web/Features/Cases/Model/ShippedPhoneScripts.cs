namespace Portal.Web.Features.Cases.Model;

/// <summary>The phone scripts every installation starts with, in English and Simplified Chinese; supervisors edit them.</summary>
internal static class ShippedPhoneScripts
{
    public static readonly IReadOnlyList<PhoneScriptText> All =
    [
        Script(1, PhoneScriptKind.Greeting, "en",
            "Good morning (afternoon), thank you for calling the client service centre. My name is [your name], staff number [number]. How may I help you today?"),
        Script(2, PhoneScriptKind.Closing, "en",
            "Is there anything else I can do for you? Thank you for calling, and have a pleasant day. Please hang up first when you are ready."),
        Script(3, PhoneScriptKind.UpsetCaller, "en",
            "I can hear this has been frustrating, and I am sorry for the trouble. Let me take down exactly what happened so I can look into it properly. "
            + "Could you tell me when it started and what you saw on your screen?"),
        Script(4, PhoneScriptKind.Dialect, "en",
            "I am sorry, I did not catch that clearly. Would you mind speaking a little more slowly, or in Mandarin if that is comfortable for you? "
            + "I will repeat the key points back to you so we are sure I understood."),
        Script(5, PhoneScriptKind.BeyondKnowledge, "en",
            "That is a good question, and I want to give you an accurate answer rather than a guess. Let me check with a specialist and call you back. "
            + "Would [time] suit you, and is this number the best one to reach you?"),
        Script(6, PhoneScriptKind.Greeting, "zh-Hans",
            "您好，感谢致电客户服务中心，我是[姓名]，工号[工号]。请问有什么可以帮您？"),
        Script(7, PhoneScriptKind.Closing, "zh-Hans",
            "请问还有其他需要我帮忙的吗？感谢您的来电，祝您生活愉快。请您先挂机。"),
        Script(8, PhoneScriptKind.UpsetCaller, "zh-Hans",
            "非常理解您现在的心情，给您带来不便，实在抱歉。我先把情况完整记录下来，以便认真核查。请问问题是从什么时候开始的？当时页面上显示了什么？"),
        Script(9, PhoneScriptKind.Dialect, "zh-Hans",
            "抱歉，刚才没有听清楚。麻烦您说慢一点，方便的话可以用普通话吗？我会把要点复述一遍，确认理解无误。"),
        Script(10, PhoneScriptKind.BeyondKnowledge, "zh-Hans",
            "您这个问题很重要，我想给您准确的答复，而不是凭猜测回答。我先向专家核实，再给您回电。请问[时间]方便吗？这个号码能联系到您吗？"),
    ];

    private static PhoneScriptText Script(int id, PhoneScriptKind kind, string culture, string text) =>
        new() { Id = id, Kind = kind, Culture = culture, Text = text, Version = 1 };
}
