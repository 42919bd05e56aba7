using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Chat.Model;

namespace Portal.Web.Features.Chat;

// What the pages show: one conversation, a client's recent chats, the supervisor's board.
public sealed partial class ChatService
{
    /// <summary>The conversation as the actor may see it; null when there is none or it is not theirs.</summary>
    public async Task<ConversationView?> GetConversationAsync(Actor actor, string conversationId, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(ChatRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await FindAsync(db, conversationId, cancellationToken);
        var access = conversation is null ? Access.None : AccessOf(actor, conversation);
        if (conversation is null || access == Access.None)
        {
            return null;
        }

        var staff = access != Access.Investor;
        var notes = staff
            ? await db.Set<ConversationNote>().AsNoTracking().Where(n => n.ConversationId == conversation.Id).OrderBy(n => n.Id)
                .Select(n => new ChatNote(n.AuthorName, n.Text, n.At, n.IsTransferNote)).ToListAsync(cancellationToken)
            : [];
        return new(
            await TicketAsync(db, conversation, forDesk: staff, cancellationToken), staff ? conversation.InvestorId : null, conversation.InvestorName, conversation.Tier,
            conversation.AgentUserId, conversation.QueuedAt, conversation.InvestorReadUpTo, conversation.AgentReadUpTo, notes,
            conversation.Rating, conversation.RatingComment, conversation.WrappedUpAt is not null);
    }

    /// <summary>The client's latest chats, newest first, for the desk's client summary.</summary>
    public async Task<IReadOnlyList<ChatHistoryItem>> RecentForInvestorAsync(Actor actor, int investorId, int take, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(DeskAndSupervisors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<Conversation>().AsNoTracking().Where(c => c.InvestorId == investorId)
            .OrderByDescending(c => c.QueuedAt).Take(Math.Clamp(take, 1, 50))
            .Select(c => new { c.Id, c.Topic, c.QueuedAt, c.State, c.AgentName, c.Rating }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ChatHistoryItem(r.Id, r.Topic, r.QueuedAt, StatusOf(r.State), r.AgentName, r.Rating))];
    }

    /// <summary>The supervisor's panel: the queue, the desk, every open chat and today's figures (business calendar's day).</summary>
    public async Task<ChatBoard> GetBoardAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Supervisor);
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = calendar.DateOf(now);
        var local = today.ToDateTime(TimeOnly.MinValue);
        var startOfDay = new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local)).ToUniversalTime();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await QueueSnapshot.LoadAsync(db, now, cancellationToken);
        var active = await db.Set<Conversation>().AsNoTracking().Where(c => c.State < ConversationState.Ended).OrderBy(c => c.QueuedAt)
            .Select(c => new ActiveChat(c.Id, c.Tier, c.Topic, c.InvestorName, c.AgentName, c.QueuedAt, c.AcceptedAt)).ToListAsync(cancellationToken);
        var day = await db.Set<Conversation>().AsNoTracking().Where(c => c.QueuedAt >= startOfDay)
            .Select(c => new { c.QueuedAt, c.AcceptedAt, c.State }).ToListAsync(cancellationToken);
        var answered = day.Where(c => c.AcceptedAt is not null).ToList();
        var inTime = answered.Count(c => (c.AcceptedAt!.Value - c.QueuedAt).TotalSeconds <= ChatLimits.ServiceLevelSeconds);
        return new(
            snapshot.Order.Count, snapshot.LongestWaitSeconds, [.. Colleagues(snapshot)], active, answered.Count, inTime,
            answered.Count == 0 ? null : (double)inTime / answered.Count, day.Count(c => c.State == ConversationState.Abandoned));
    }
}
