using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.Accounts;

/// <summary>An investor as other features show them.</summary>
public sealed record InvestorProfile(int Id, string AccountNumber, string Name, string MaskedIdNumber, ClientTier Tier);

/// <summary>How to reach an investor: their sign-in (null without one) and their mobile number, masked.</summary>
public sealed record InvestorContact(int InvestorId, string? UserId, string MaskedMobile);

/// <summary>
/// An investor's current tier and where it stands: the month it stands for, whether it is a supervisor's override, and
/// the version a tier write must still find to succeed.
/// </summary>
public sealed record InvestorTier(int InvestorId, string AccountNumber, ClientTier Tier, DateOnly? Month, bool IsOverride, int Version);

public sealed record TierHistoryEntry(DateTimeOffset ChangedAt, DateOnly Month, ClientTier From, ClientTier To, bool IsOverride, string Reason, string ChangedBy);

/// <summary>A tier write refused because the tier changed after the writer read it (a month-end batch or another supervisor).</summary>
public sealed class TierChangedException(InvestorTier current)
    : Exception($"The tier of investor {current.InvestorId} changed meanwhile; it is now {current.Tier}.")
{
    public InvestorTier Current => current;
}

/// <summary>
/// Accounts owns investors and their tier: other features read investors through here and change a tier only through
/// here (no <c>Set&lt;Investor&gt;()</c> outside Accounts). Reads and month-end writes run in the caller's context, so they
/// share its connection and commit with its own changes (the outbox pattern); an override is a unit of work of its own.
/// Every method checks the actor's role (and, for an investor, that the record is their own).
/// </summary>
public sealed class InvestorDirectory(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Staff who look a client up beside a case, chat or call.</summary>
    public static readonly string[] ClientDesk = [Roles.Supervisor, Roles.Agent, Roles.Specialist];

    // Keeps IN lists well under both providers' parameter limits.
    private const int LookupChunk = 1_000;

    public Task<int?> FindIdByAccountNumberAsync(PortalDbContext db, Actor actor, string accountNumber, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(ClientDesk);
        var number = accountNumber.Trim();
        return db.Set<Investor>().Where(i => i.AccountNumber == number).Select(i => (int?)i.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The ids of the investors with these account numbers (numbers nobody has are left out), for imports.</summary>
    public async Task<IReadOnlyDictionary<string, int>> FindIdsByAccountNumbersAsync(
        PortalDbContext db, Actor actor, IReadOnlyCollection<string> accountNumbers, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in accountNumbers.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            foreach (var row in await db.Set<Investor>().AsNoTracking().Where(i => chunk.Contains(i.AccountNumber))
                         .Select(i => new { i.AccountNumber, i.Id }).ToListAsync(cancellationToken))
            {
                ids[row.AccountNumber] = row.Id;
            }
        }

        return ids;
    }

    /// <summary>The investor's own record, or any client's for the client desk.</summary>
    public async Task<InvestorProfile?> FindProfileAsync(PortalDbContext db, Actor actor, int investorId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSystem && actor.InvestorId != investorId)
        {
            actor.RequireRole(ClientDesk);
        }

        var investor = await db.Set<Investor>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == investorId, cancellationToken);
        return investor is null ? null : new(investor.Id, investor.AccountNumber, investor.Name, investor.MaskedIdNumber, investor.Tier);
    }

    /// <summary>The investor's sign-in and masked mobile number (their own, or any client's for the client desk).</summary>
    public async Task<InvestorContact?> FindContactAsync(PortalDbContext db, Actor actor, int investorId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSystem && actor.InvestorId != investorId)
        {
            actor.RequireRole(ClientDesk);
        }

        var row = await db.Set<Investor>().AsNoTracking().Where(i => i.Id == investorId)
            .Select(i => new { i.Id, i.UserId, i.Mobile }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new(row.Id, string.IsNullOrEmpty(row.UserId) ? null : row.UserId, MaskMobile(row.Mobile));
    }

    /// <summary>The first three and last four digits of a mobile number; shorter numbers keep only their last two.</summary>
    internal static string MaskMobile(string mobile) => mobile.Length switch
    {
        >= 11 => mobile[..3] + new string('*', mobile.Length - 7) + mobile[^4..],
        > 2 => new string('*', mobile.Length - 2) + mobile[^2..],
        _ => new string('*', mobile.Length),
    };

    /// <summary>The sign-in of the investor's dedicated adviser (chat offers a Diamond client to them first); null without one.</summary>
    public async Task<string?> FindAdviserUserIdAsync(PortalDbContext db, Actor actor, int investorId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSystem && actor.InvestorId != investorId)
        {
            actor.RequireRole(ClientDesk);
        }

        var userId = await db.Set<Investor>().AsNoTracking().Where(i => i.Id == investorId)
            .Select(i => i.Adviser == null ? null : i.Adviser.UserId).SingleOrDefaultAsync(cancellationToken);
        return string.IsNullOrEmpty(userId) ? null : userId;
    }

    public Task<InvestorTier?> FindTierAsync(PortalDbContext db, Actor actor, int investorId, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(ClientDesk);
        return Tiers(db.Set<Investor>().Where(i => i.Id == investorId)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The client's tier history, newest first.</summary>
    public async Task<IReadOnlyList<TierHistoryEntry>> ListTierHistoryAsync(PortalDbContext db, Actor actor, int investorId, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(ClientDesk);
        return await db.Set<TierChange>().AsNoTracking().Where(t => t.InvestorId == investorId)
            .OrderByDescending(t => t.ChangedAt).ThenByDescending(t => t.Id)
            .Select(t => new TierHistoryEntry(t.ChangedAt, t.Month, t.From, t.To, t.IsOverride, t.Reason, t.ChangedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many investors month-end goes through.</summary>
    public Task<int> CountInvestorsAsync(PortalDbContext db, Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        return db.Set<Investor>().CountAsync(cancellationToken);
    }

    /// <summary>The next <paramref name="count"/> investors after <paramref name="afterInvestorId"/> in id order, with their tiers (month-end's batches).</summary>
    public async Task<IReadOnlyList<InvestorTier>> ListTiersAsync(
        PortalDbContext db, Actor actor, int afterInvestorId, int count, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        return await Tiers(db.Set<Investor>().Where(i => i.Id > afterInvestorId).OrderBy(i => i.Id).Take(count)).ToListAsync(cancellationToken);
    }

    /// <summary>The sign-in user of each of <paramref name="investorIds"/> that has online access (for notifications to them).</summary>
    public async Task<IReadOnlyDictionary<int, string>> FindUserIdsAsync(
        PortalDbContext db, IReadOnlyCollection<int> investorIds, CancellationToken cancellationToken = default) =>
        await db.Set<Investor>().AsNoTracking().Where(i => investorIds.Contains(i.Id) && i.UserId != null)
            .ToDictionaryAsync(i => i.Id, i => i.UserId!, cancellationToken);

    /// <summary>The sign-in users of every investor with online access (announcements to all of them).</summary>
    public async Task<IReadOnlyList<string>> ListOnlineUserIdsAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        await db.Set<Investor>().AsNoTracking().Where(i => i.UserId != null).OrderBy(i => i.Id).Select(i => i.UserId!).ToListAsync(cancellationToken);

    /// <summary>
    /// Month-end's tier for <paramref name="month"/>: sets it as the current tier when <see cref="CurrentTierRule"/> lets this
    /// month do so, with a history row when the tier changes, in the caller's context (saved with its statements). The write
    /// carries <paramref name="current"/>'s version: if the tier changed since it was read, the caller's save fails with a
    /// <see cref="DbUpdateConcurrencyException"/> and the caller reads again. Returns whether the current tier changed.
    /// </summary>
    public bool ApplyMonthEndTier(PortalDbContext db, Actor actor, InvestorTier current, DateOnly month, ClientTier computed)
    {
        actor.RequireRole(Roles.Admin);
        if (!CurrentTierRule.MonthEndSets(current.Month, current.IsOverride, month) || (current.Month == month && current.Tier == computed))
        {
            return false;
        }

        Write(db, current, computed, month, overridden: false);
        if (computed == current.Tier)
        {
            return false;
        }

        db.Add(new TierChange
        {
            InvestorId = current.InvestorId, From = current.Tier, To = computed, Month = month, ChangedBy = TierChange.MonthEnd,
            ChangedByUserId = actor.UserId, ChangedAt = clock.GetUtcNow(),
        });
        return true;
    }

    /// <summary>
    /// A supervisor sets the tier by hand, with a reason, for <paramref name="month"/> (the month it is made in): it holds
    /// until a later month's month-end. Refused with <see cref="TierChangedException"/> when the tier is no longer the one
    /// the supervisor saw (<paramref name="seenVersion"/>), e.g. a month-end batch changed it meanwhile.
    /// </summary>
    public async Task<InvestorTier> OverrideTierAsync(
        Actor actor, int investorId, ClientTier tier, string reason, int seenVersion, DateOnly month, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Supervisor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A tier override needs a reason.", nameof(reason));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await Tiers(db.Set<Investor>().Where(i => i.Id == investorId)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new KeyNotFoundException($"No investor {investorId}.");
        if (current.Version != seenVersion)
        {
            throw new TierChangedException(current);
        }

        if (current.Tier == tier)
        {
            return current;
        }

        Write(db, current, tier, month, overridden: true);
        db.Add(new TierChange
        {
            InvestorId = investorId, From = current.Tier, To = tier, Month = month, IsOverride = true, Reason = reason.Trim(),
            ChangedBy = actor.Name, ChangedByUserId = actor.UserId, ChangedAt = clock.GetUtcNow(),
        });
        audit.Add(db, actor, AuditActions.TierOverride, $"investor:{current.AccountNumber}", $"{current.Tier} -> {tier}: {reason.Trim()}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another write got in between the read above and this save.
            db.ChangeTracker.Clear();
            throw new TierChangedException(await Tiers(db.Set<Investor>().Where(i => i.Id == investorId)).SingleAsync(cancellationToken));
        }

        return current with { Tier = tier, Month = month, IsOverride = true, Version = current.Version + 1 };
    }

    /// <summary>Demo data: the history row of the month-end that first gave the investor their tier.</summary>
    internal static void AddDemoTierHistory(PortalDbContext db, int investorId, ClientTier tier, DateOnly month, DateTimeOffset at) =>
        db.Add(new TierChange { InvestorId = investorId, From = ClientTier.Silver, To = tier, Month = month, ChangedBy = TierChange.MonthEnd, ChangedAt = at });

    private static IQueryable<InvestorTier> Tiers(IQueryable<Investor> investors) =>
        investors.AsNoTracking().Select(i => new InvestorTier(i.Id, i.AccountNumber, i.Tier, i.TierMonth, i.TierOverridden, i.TierVersion));

    /// <summary>Updates only the tier's columns of a row the context does not hold, checking the version read.</summary>
    private static void Write(PortalDbContext db, InvestorTier current, ClientTier tier, DateOnly month, bool overridden)
    {
        var investor = new Investor
        {
            Id = current.InvestorId, Tier = current.Tier, TierMonth = current.Month, TierOverridden = current.IsOverride, TierVersion = current.Version,
        };
        db.Attach(investor);
        investor.Tier = tier;
        investor.TierMonth = month;
        investor.TierOverridden = overridden;
        investor.TierVersion = current.Version + 1;
    }
}
