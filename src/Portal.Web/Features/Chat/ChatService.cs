using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Chat;

/// <summary>
/// The chat: investors, the desk (agents and specialists) and supervisors call it, from the hub and from the pages.
/// Every method checks the actor's role and membership itself (not-yours is <see cref="ChatErrors.NotFound"/>);
/// refusals are <see cref="ChatException"/>s or <see cref="ActorForbiddenException"/>. Persist first, then publish.
/// </summary>
public sealed partial class ChatService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Who works the chat desk.</summary>
    public static readonly string[] DeskRoles = [Roles.Agent, Roles.Specialist];

    /// <summary>Who may read any conversation.</summary>
    public static readonly string[] Readers = [Roles.Agent, Roles.Specialist, Roles.Supervisor];

    private readonly IDbContextFactory<PortalDbContext> _dbFactory = dbFactory;
    private readonly TimeProvider _clock = clock;

    public Task<ChatAvailability> GetAvailabilityAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<ChatTicket> StartChatAsync(Actor actor, StartChatRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task RateAsync(Actor actor, RateRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task SetPresenceAsync(Actor actor, AgentPresence presence, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<DeskStatus> GetDeskStatusAsync(Actor actor, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<ChatTicket> AcceptAsync(Actor actor, string conversationId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task DeclineAsync(Actor actor, string conversationId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task TransferAsync(Actor actor, TransferRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<QueueEntry>> GetQueueAsync(Actor actor, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<DeskColleague>> GetTransferTargetsAsync(Actor actor, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task AddNoteAsync(Actor actor, string conversationId, string text, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task WrapUpAsync(Actor actor, WrapUpRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<ChatMessage> SendAsync(Actor actor, SendRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<ChatMessage>> HistoryAsync(Actor actor, string conversationId, long afterSequence, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task MarkReadAsync(Actor actor, string conversationId, long upToSequence, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task TypingAsync(Actor actor, string conversationId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task EndAsync(Actor actor, string conversationId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<ChatTicket>> MyConversationsAsync(Actor actor, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<ConversationView?> GetConversationAsync(Actor actor, string conversationId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<ChatHistoryItem>> RecentForInvestorAsync(Actor actor, int investorId, int take, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<ChatBoard> GetBoardAsync(Actor actor, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
