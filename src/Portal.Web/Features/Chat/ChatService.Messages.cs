using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Chat.Model;

namespace Portal.Web.Features.Chat;

// Both sides: messages (idempotent, gapless), history, read marks, typing, ending, and the caller's open chats.
public sealed partial class ChatService
{
    /// <summary>
    /// Stores a message and then publishes it. A client message id already stored in the conversation returns the first
    /// stored message (also after the chat ended) and stores and publishes nothing.
    /// </summary>
    public async Task<ChatMessage> SendAsync(Actor actor, SendRequest request, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Writers);
        var clientMessageId = request.ClientMessageId?.Trim() ?? "";
        if (clientMessageId.Length is 0 or > ChatLimits.MaxClientMessageId)
        {
            throw new ChatException(ChatErrors.Invalid, $"A client message id is 1 to {ChatLimits.MaxClientMessageId} characters.");
        }

        var text = CheckText(request.Text, required: true)!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (conversation, access) = await ParticipantAsync(db, actor, request.ConversationId, cancellationToken);
        var isAgent = access == Access.Agent;
        if (!IsOpen(conversation.State) || (isAgent && conversation.State != ConversationState.Active))
        {
            return await StoredAsync(db, conversation.Id, clientMessageId, cancellationToken) ?? throw Closed();
        }

        var sender = isAgent ? ChatParty.Agent : ChatParty.Investor;
        var userId = actor.UserId!;
        var name = isAgent ? actor.Name : conversation.InvestorName;
        ChatMessage stored;
        try
        {
            Expression<Func<Conversation, bool>> allowed = isAgent
                ? c => c.AgentUserId == userId && c.State == ConversationState.Active
                : c => c.InvestorUserId == userId && c.State < ConversationState.Ended;
            var appended = await AppendAsync(db, conversation.Id, sender, userId, name, clientMessageId, text, countsAsActivity: true, allowed, cancellationToken);
            if (appended is null)
            {
                // Closed meanwhile: a re-send still gets its first stored message, and nothing is published.
                return await StoredAsync(db, conversation.Id, clientMessageId, cancellationToken) ?? throw Closed();
            }

            stored = appended;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // A re-send (also one racing the first): the unique client id refuses the insert and the transaction, with the
            // sequence it raised, is rolled back; the first stored message stands. Looking it up only here saves every
            // first send a query.
            db.ChangeTracker.Clear();
            if (await StoredAsync(db, conversation.Id, clientMessageId, cancellationToken) is not { } first)
            {
                throw;
            }

            return first;
        }

        await PublishAsync(conversation, new ChatEvent(ChatEventKind.Message, conversation.Id, Message: stored));
        return stored;
    }

    /// <summary>The conversation's messages after <paramref name="afterSequence"/>, ascending, at most <see cref="ChatLimits.MaxHistory"/>.</summary>
    public async Task<IReadOnlyList<ChatMessage>> HistoryAsync(Actor actor, string conversationId, long afterSequence, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (conversation, _) = await ReadableAsync(db, actor, conversationId, cancellationToken);
        var messages = await db.Set<ConversationMessage>().AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Sequence > afterSequence)
            .OrderBy(m => m.Sequence).Take(ChatLimits.MaxHistory).ToListAsync(cancellationToken);
        return [.. messages.Select(ToMessage)];
    }

    public async Task MarkReadAsync(Actor actor, string conversationId, long upToSequence, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (conversation, access) = await ParticipantAsync(db, actor, conversationId, cancellationToken);
        var upTo = Math.Min(upToSequence, conversation.LastSequence);
        var conversations = db.Set<Conversation>().Where(c => c.Id == conversation.Id);
        var moved = access == Access.Investor
            ? await conversations.Where(c => c.InvestorReadUpTo < upTo)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.InvestorReadUpTo, upTo), cancellationToken)
            : await conversations.Where(c => c.AgentReadUpTo < upTo && c.AgentUserId == actor.UserId)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.AgentReadUpTo, upTo), cancellationToken);
        if (moved == 1)
        {
            var reader = access == Access.Investor ? ChatParty.Investor : ChatParty.Agent;
            await PublishAsync(conversation, new ChatEvent(ChatEventKind.Read, conversation.Id, Read: new ReadEvent(conversation.Id, upTo, reader)));
        }
    }

    /// <summary>Tells the other side the caller is typing; nothing is stored.</summary>
    public async Task TypingAsync(Actor actor, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (conversation, access) = await ParticipantAsync(db, actor, conversationId, cancellationToken);
        if (conversation.State != ConversationState.Active)
        {
            return;
        }

        var sender = access == Access.Investor ? ChatParty.Investor : ChatParty.Agent;
        await PublishAsync(conversation, new ChatEvent(ChatEventKind.Typing, conversation.Id, Typing: new TypingEvent(conversation.Id, sender)));
    }

    /// <summary>Ends the chat (an investor ending while still waiting abandons it). Ending an ended chat does nothing.</summary>
    public async Task EndAsync(Actor actor, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (conversation, access) = await ParticipantAsync(db, actor, conversationId, cancellationToken);
        if (!IsOpen(conversation.State))
        {
            return;
        }

        var by = access == Access.Investor ? ChatParty.Investor : ChatParty.Agent;
        var userId = actor.UserId!;
        Expression<Func<Conversation, bool>> allowed = by == ChatParty.Investor
            ? c => c.InvestorUserId == userId
            : c => c.AgentUserId == userId && c.State == ConversationState.Active;
        var ended = await CloseAsync(db, actor, conversation.Id, by, allowed, cancellationToken);
        if (ended is not null)
        {
            await PublishEndedAsync(ended, by, cancellationToken);
        }
    }

    /// <summary>The caller's open chats: an investor's waiting or active one, an agent's offered and active ones.</summary>
    public async Task<IReadOnlyList<ChatTicket>> MyConversationsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Writers);
        var userId = actor.UserId!;
        var desk = actor.IsInAnyRole(DeskRoles);
        var investor = actor.IsInRole(Roles.Investor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.State < ConversationState.Ended
                && ((investor && c.InvestorUserId == userId)
                    || (desk && (c.AgentUserId == userId || (c.State == ConversationState.Offered && c.OfferedToUserId == userId)))))
            .OrderBy(c => c.QueuedAt).ToListAsync(cancellationToken);
        var tickets = new List<ChatTicket>(open.Count);
        foreach (var conversation in open)
        {
            tickets.Add(await TicketAsync(db, conversation, forDesk: conversation.InvestorUserId != userId, cancellationToken));
        }

        return tickets;
    }

    /// <summary>
    /// Appends a message with the conversation's next sequence, in one transaction with the conditional update that takes
    /// the sequence (it holds the row until the commit). Null when <paramref name="allowed"/> no longer holds. A message
    /// that is not the participants' activity (the idle warning) marks the chat warned instead.
    /// </summary>
    internal async Task<ChatMessage?> AppendAsync(
        PortalDbContext db, string conversationId, ChatParty sender, string? senderUserId, string senderName, string clientMessageId, string text,
        bool countsAsActivity, Expression<Func<Conversation, bool>> allowed, CancellationToken cancellationToken)
    {
        // Milliseconds only: what both databases keep exactly, so a re-send returns the message as first returned.
        var at = clock.GetUtcNow();
        var now = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var firstReply = sender == ChatParty.Agent;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var conversations = db.Set<Conversation>().Where(c => c.Id == conversationId).Where(allowed);
        var taken = countsAsActivity
            ? await conversations.ExecuteUpdateAsync(u => u.SetProperty(c => c.LastSequence, c => c.LastSequence + 1)
                .SetProperty(c => c.LastActivityAt, now).SetProperty(c => c.IdleWarnedAt, (DateTimeOffset?)null)
                .SetProperty(c => c.FirstAgentReplyAt, c => firstReply && c.FirstAgentReplyAt == null ? (DateTimeOffset?)now : c.FirstAgentReplyAt), cancellationToken)
            : await conversations.ExecuteUpdateAsync(u => u.SetProperty(c => c.LastSequence, c => c.LastSequence + 1)
                .SetProperty(c => c.IdleWarnedAt, now), cancellationToken);
        if (taken == 0)
        {
            return null;
        }

        var sequence = await db.Set<Conversation>().Where(c => c.Id == conversationId).Select(c => c.LastSequence).SingleAsync(cancellationToken);
        var message = new ConversationMessage
        {
            ConversationId = conversationId, Sequence = sequence, ClientMessageId = clientMessageId, Sender = sender, SenderUserId = senderUserId,
            SenderName = senderName, Text = text, SentAt = now,
        };
        db.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToMessage(message);
    }

    /// <summary>Ends or abandons the chat if <paramref name="allowed"/> still holds; returns it as ended, or null.</summary>
    internal async Task<Conversation?> CloseAsync(
        PortalDbContext db, Actor actor, string conversationId, ChatParty by, Expression<Func<Conversation, bool>> allowed,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await db.Set<Conversation>().Where(c => c.Id == conversationId && c.State < ConversationState.Ended).Where(allowed)
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.State, c => c.State == ConversationState.Active ? ConversationState.Ended : ConversationState.Abandoned)
                .SetProperty(c => c.EndedAt, now).SetProperty(c => c.EndedBy, by)
                .SetProperty(c => c.OfferedToUserId, (string?)null).SetProperty(c => c.OfferedToName, (string?)null)
                .SetProperty(c => c.OfferedAt, (DateTimeOffset?)null).SetProperty(c => c.OfferReason, (OfferReason?)null)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (ended == 0)
        {
            return null;
        }

        var conversation = await db.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == conversationId, cancellationToken);
        audit.Add(db, actor, AuditActions.ChatEnded, Subject(conversationId), $"{conversation.State} by {by}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return conversation;
    }

    internal async Task PublishEndedAsync(Conversation ended, ChatParty by, CancellationToken cancellationToken)
    {
        await PublishAsync(ended, new ChatEvent(ChatEventKind.Ended, ended.Id, Ended: new EndedEvent(ended.Id, by)));
        await PublishQueueAsync(cancellationToken);
    }

    /// <summary>A conversation's event to every connection of its investor and agent, and its watchers.</summary>
    internal Task PublishAsync(Conversation conversation, ChatEvent change) =>
        publisher.ToUsersAsync([conversation.InvestorUserId, conversation.AgentUserId], conversation.Id, change);

    private static async Task<ChatMessage?> StoredAsync(PortalDbContext db, string conversationId, string clientMessageId, CancellationToken cancellationToken)
    {
        var message = await db.Set<ConversationMessage>().AsNoTracking()
            .SingleOrDefaultAsync(m => m.ConversationId == conversationId && m.ClientMessageId == clientMessageId, cancellationToken);
        return message is null ? null : ToMessage(message);
    }
}
