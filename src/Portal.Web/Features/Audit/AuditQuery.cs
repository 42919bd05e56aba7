using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Audit;

/// <summary>
/// What the audit page filters by. Days are the reader's own calendar days (<see cref="From"/> and <see cref="To"/>
/// both included); the texts match anywhere, in any case; <see cref="Actor"/> matches the name recorded with the row
/// or the name or e-mail of the user it names.
/// </summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? Actor = null, string? Action = null, string? Subject = null)
{
    /// <summary>The filter as query-string parameters (only those set), e.g. for the CSV download's address.</summary>
    public IReadOnlyDictionary<string, string?> ToQuery()
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Put(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query[name] = value.Trim();
            }
        }

        Put("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put("actor", Actor);
        Put("action", Action);
        Put("subject", Subject);
        return query;
    }

    /// <summary>The filter as the audit trail records it ("subject=investor:880000000001, action=SignIn"); null when nothing is filtered.</summary>
    public string? Describe()
    {
        var query = ToQuery();
        return query.Count == 0 ? null : string.Join(", ", query.Select(p => $"{p.Key}={p.Value}"));
    }
}

/// <summary>One audit row as the page and the CSV show it.</summary>
public sealed record AuditRow(
    long Id, DateTimeOffset At, string ActorName, string? ActorUserId, string? Address, string Action, string Subject, string? Details, string Hash);

public sealed record AuditRowPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>Reads the audit trail for admins: newest first, filtered, a page at a time or streamed for export.</summary>
public sealed class AuditQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    internal const int ExportBatchSize = 1000;

    public async Task<AuditRowPage> ListAsync(
        Actor actor, AuditFilter filter, TimeZoneInfo zone, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Filtered(db, filter, zone);
        var total = await rows.CountAsync(cancellationToken);
        var items = await ToRows(rows.OrderByDescending(e => e.Id).Skip(page * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new(items, total);
    }

    /// <summary>Every matching row, newest first, read in batches so an export of any size holds one batch in memory.</summary>
    public IAsyncEnumerable<AuditRow> ExportAsync(Actor actor, AuditFilter filter, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        // Checked here, before the caller starts its response, not when the first row is asked for.
        actor.RequireRole(Roles.Admin);
        return ReadAllAsync(filter, zone, cancellationToken);
    }

    private async IAsyncEnumerable<AuditRow> ReadAllAsync(AuditFilter filter, TimeZoneInfo zone, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var before = long.MaxValue;
        while (true)
        {
            List<AuditRow> batch;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var below = before;
                batch = await ToRows(Filtered(db, filter, zone).Where(e => e.Id < below).OrderByDescending(e => e.Id).Take(ExportBatchSize))
                    .ToListAsync(cancellationToken);
            }

            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < ExportBatchSize)
            {
                yield break;
            }

            before = batch[^1].Id;
        }
    }

    private static IQueryable<AuditEntry> Filtered(PortalDbContext db, AuditFilter filter, TimeZoneInfo zone)
    {
        var rows = db.Set<AuditEntry>().AsNoTracking();
        if (filter.From is { } from)
        {
            var start = StartOfDay(from, zone);
            rows = rows.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1), zone);
            rows = rows.Where(e => e.At < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            rows = rows.Where(e => e.Action == action);
        }

#pragma warning disable CA1304, CA1311 // Runs in the database, where no .NET culture applies.
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var term = filter.Actor.Trim().ToLowerInvariant();
            var users = AccountDirectory.UserIdsByNameOrEmail(db, term);
            rows = rows.Where(e => e.ActorName.ToLower().Contains(term) || (e.ActorUserId != null && users.Contains(e.ActorUserId)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var term = filter.Subject.Trim().ToLowerInvariant();
            rows = rows.Where(e => e.Subject.ToLower().Contains(term));
        }
#pragma warning restore CA1304, CA1311

        return rows;
    }

    private static IQueryable<AuditRow> ToRows(IQueryable<AuditEntry> rows) =>
        rows.Select(e => new AuditRow(e.Id, e.At, e.ActorName, e.ActorUserId, e.Address, e.Action, e.Subject, e.Details, e.Hash));

    /// <summary>The instant a calendar day begins in <paramref name="zone"/> (where midnight is skipped, the first hour after it).</summary>
    internal static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
