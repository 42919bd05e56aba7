using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Chat.Routing;

/// <summary>A desk user as routing sees them.</summary>
public sealed record DeskLoad(string UserId, AgentPresence Presence, int Capacity, int OpenChats, DateTimeOffset? LastAssignedAt, bool IsSpecialist)
{
    public bool HasRoom => Presence == AgentPresence.Online && OpenChats < Capacity;
}

/// <summary>
/// Who a waiting chat is offered to. Adviser first: a Diamond client whose dedicated adviser is Online with room goes to
/// the adviser. Automatic routing: the available agent with the fewest open chats, ties to who has waited longest
/// since their last chat (never given one counts as longest), then by user id so every instance picks the same.
/// </summary>
public static class RoutingPolicy
{
    public static string? AdviserFirst(ClientTier tier, string? adviserUserId, IEnumerable<DeskLoad> desk) =>
        tier == ClientTier.Diamond && adviserUserId is not null && desk.Any(d => d.UserId == adviserUserId && d.HasRoom) ? adviserUserId : null;

    /// <param name="requiredTeam">After a transfer to the specialists: only specialists.</param>
    /// <param name="avoidUserId">Who just let this chat go; chosen only when nobody else has room.</param>
    public static string? AutoAssign(IEnumerable<DeskLoad> desk, string? requiredTeam = null, string? avoidUserId = null)
    {
        var candidates = desk.Where(d => d.HasRoom && (requiredTeam != ChatTeams.Specialists || d.IsSpecialist))
            .OrderBy(d => d.UserId == avoidUserId)
            .ThenBy(d => d.OpenChats)
            .ThenBy(d => d.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(d => d.UserId, StringComparer.Ordinal);
        return candidates.FirstOrDefault()?.UserId;
    }
}
