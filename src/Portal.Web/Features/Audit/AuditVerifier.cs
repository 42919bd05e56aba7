using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Audit;

/// <summary>How a check of the whole chain ended: the rows found intact, the last one's hash, and the first break if any.</summary>
public sealed record AuditVerification(long Rows, string LastHash, AuditBreak? Break)
{
    public bool Intact => Break is null;

    /// <summary>Where the next check can start from to also see rows cut from the end (null while the trail is empty).</summary>
    public AuditAnchor? Anchor => Rows > 0 ? new(Rows, LastHash) : null;
}

/// <summary>
/// Checks the stored chain from row 1 on, in id order and in batches (a trail of millions of rows is never held in
/// memory at once), and stops at the first altered or missing row.
/// </summary>
public sealed class AuditVerifier(IDbContextFactory<PortalDbContext> dbFactory)
{
    internal const int BatchSize = 1000;

    public async Task<AuditVerification> VerifyAsync(Actor actor, AuditAnchor? anchor = null, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        var walk = new AuditChainWalk(anchor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        long after = 0;
        while (true)
        {
            var from = after;
            var batch = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Id > from).OrderBy(e => e.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var row in batch)
            {
                if (walk.Next(row) is { } found)
                {
                    return new(walk.Rows, walk.LastHash, found);
                }
            }

            if (batch.Count < BatchSize)
            {
                return new(walk.Rows, walk.LastHash, walk.End());
            }

            after = batch[^1].Id;
        }
    }
}
