namespace Portal.Web.Features.Chat.Ui;

/// <summary>One chat open in the agent console: what the service said about it and what arrived live since.</summary>
public sealed class ConversationState(ConversationView view, Func<Task> changed) : IDisposable
{
    public string ConversationId => View.Ticket.ConversationId;

    public ConversationView View { get; set; } = view;

    public ChatTimeline Timeline { get; } = new();

    public TypingIndicator Typing { get; } = new(changed);

    /// <summary>How far the investor has read the agent's messages.</summary>
    public long InvestorReadUpTo { get; set; } = view.InvestorReadUpTo;

    public bool Ended { get; set; } = view.Ticket.Status == ChatStatus.Ended;

    /// <summary>Messages from the investor not yet seen in this tab (the tab's badge).</summary>
    public int Unread { get; set; }

    public void Dispose() => Typing.Dispose();
}
