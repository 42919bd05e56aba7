using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Chat.Ui;

/// <summary>
/// The messages of one conversation as a page holds them: merged by sequence from live events and history reads,
/// so a message that arrives twice (an event and a resync after a reconnect) is shown once, and in order.
/// </summary>
public sealed class ChatTimeline
{
    private readonly SortedDictionary<long, ChatMessage> _bySequence = [];

    public IReadOnlyCollection<ChatMessage> Messages => _bySequence.Values;

    /// <summary>The highest sequence held; a resync asks for everything after it.</summary>
    public long LastSequence => _bySequence.Count == 0 ? 0 : _bySequence.Keys.Max();

    /// <summary>Adds the messages not yet held; true when anything was new.</summary>
    public bool Merge(IEnumerable<ChatMessage> messages)
    {
        var added = false;
        foreach (var message in messages)
        {
            added |= _bySequence.TryAdd(message.Sequence, message);
        }

        return added;
    }

    public bool Merge(ChatMessage message) => Merge([message]);

    public void Clear() => _bySequence.Clear();

    /// <summary>Reads everything after <see cref="LastSequence"/> from the service, a page at a time, and merges it.</summary>
    public async Task CatchUpAsync(ChatService chat, Actor actor, string conversationId, CancellationToken cancellationToken)
    {
        IReadOnlyList<ChatMessage> page;
        do
        {
            page = await chat.HistoryAsync(actor, conversationId, LastSequence, cancellationToken);
            Merge(page);
        }
        while (page.Count >= ChatLimits.MaxHistory);
    }
}
