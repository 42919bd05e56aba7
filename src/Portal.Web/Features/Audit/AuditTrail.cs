using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Audit;

/// <summary>
/// Writes the audit trail. <see cref="Add"/> puts a row into the caller's own context, so it commits (or not) with the
/// change it records; <see cref="RecordAsync"/> is for events with no data change of their own (a sign-in, a download).
/// </summary>
public sealed class AuditTrail(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private static long s_pending;

    public void Add(PortalDbContext db, Actor actor, string action, string subject, string? details = null)
    {
        var at = clock.GetUtcNow();
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            // A stand-in key, unique and counting down in the order rows are added; the chain numbers them on save.
            Id = -Interlocked.Increment(ref s_pending),
            // Milliseconds only: what both databases keep exactly, so the stored row hashes as written.
            At = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero),
            ActorUserId = actor.UserId,
            ActorName = Truncate(actor.IsAuthenticated || actor.IsSystem ? actor.Name : "anonymous", 200),
            Address = actor.Address is null ? null : Truncate(actor.Address, 64),
            Action = Truncate(action, AuditEntry.ActionLength),
            Subject = Truncate(subject, AuditEntry.SubjectLength),
            Details = details is null ? null : Truncate(details, AuditEntry.DetailsLength),
        });
    }

    public async Task RecordAsync(Actor actor, string action, string subject, string? details = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Add(db, actor, action, subject, details);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
