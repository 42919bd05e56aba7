using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Chat;

/// <summary>The desk's canned responses: the desk and supervisors read them, supervisors edit them.</summary>
public sealed class CannedResponses(IDbContextFactory<PortalDbContext> dbFactory)
{
    private readonly IDbContextFactory<PortalDbContext> _dbFactory = dbFactory;

    public Task<IReadOnlyList<CannedResponse>> ListAsync(Actor actor, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<CannedResponse> SaveAsync(Actor actor, CannedResponseInput input, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task DeleteAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
