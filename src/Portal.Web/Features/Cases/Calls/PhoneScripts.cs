using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases;

/// <summary>The phone scripts shown beside the call record form (the desk reads, supervisors edit), in English and Simplified Chinese.</summary>
public sealed class PhoneScripts(CaseStore store)
{
    /// <summary>The languages a script is kept in.</summary>
    public static readonly IReadOnlyList<string> Cultures = ["en", "zh-Hans"];

    /// <summary>Every kind of script in the current UI culture, falling back to English.</summary>
    public async Task<IReadOnlyList<PhoneScript>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var culture = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-Hans" : "en";
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<PhoneScriptText>().AsNoTracking().Where(s => s.Culture == culture || s.Culture == "en").ToListAsync(cancellationToken);
        return [.. rows.GroupBy(s => s.Kind).OrderBy(g => g.Key)
            .Select(g => g.FirstOrDefault(s => s.Culture == culture) ?? g.First())
            .Select(s => new PhoneScript(s.Id, s.Kind, s.Culture, s.Text, s.Version))];
    }

    /// <summary>A supervisor's new text for one script in one language, over the version they loaded (stale refused); audited.</summary>
    public async Task SaveAsync(Actor actor, PhoneScriptKind kind, string culture, string text, int version, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Supervisor);
        var errors = new Dictionary<string, string>();
        var script = store.CheckText(errors, "Text", text, CaseLimits.MaxPhoneScript);
        if (!Enum.IsDefined(kind) || !Cultures.Contains(culture))
        {
            errors["Culture"] = store.Text["Error.Required"];
        }

        CaseStore.ThrowIfInvalid(errors);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<PhoneScriptText>().SingleOrDefaultAsync(s => s.Kind == kind && s.Culture == culture, cancellationToken);
        if (row is null)
        {
            row = new PhoneScriptText { Kind = kind, Culture = culture };
            db.Add(row);
        }

        if (row.Version != version)
        {
            throw store.Stale();
        }

        row.Text = script!;
        row.Version++;
        row.UpdatedBy = actor.Name;
        row.UpdatedAt = store.Now();
        store.Audit.Add(db, actor, AuditActions.PhoneScriptChanged, $"phone-script:{kind}:{culture}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || CaseStore.IsUniqueViolation(ex))
        {
            throw store.Stale();
        }
    }
}
