using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Cases;

/// <summary>Late-handling points: awarded when a case is resolved late, offset by supervisors.</summary>
public sealed class LatePoints
{
    /// <summary>An agent sees their own entries; a supervisor anyone's, or everyone's with a null agent.</summary>
    public Task<IReadOnlyList<PointsEntry>> ListAsync(Actor actor, string? agentUserId, DateOnly month, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<PointsTotal>> TotalsAsync(Actor actor, DateOnly month, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>A supervisor takes off points (more than 0, at most <see cref="CaseLimits.MaxOffsetPoints"/>) with a reason; audited.</summary>
    public Task OffsetAsync(Actor actor, string agentUserId, double points, string reason, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
