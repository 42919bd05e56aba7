using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Chat.Model;

namespace Portal.Web.Features.Chat;

/// <summary>The desk's canned responses: the desk and supervisors read them, supervisors edit them.</summary>
public sealed class CannedResponses(IDbContextFactory<PortalDbContext> dbFactory)
{
    private static readonly string[] Readers = [Roles.Agent, Roles.Specialist, Roles.Supervisor];

    /// <summary>Every canned response, by culture and shortcut.</summary>
    public async Task<IReadOnlyList<CannedResponse>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<CannedResponseEntry>().AsNoTracking().OrderBy(r => r.Culture).ThenBy(r => r.Shortcut).ToListAsync(cancellationToken);
        return [.. rows.Select(ToResponse)];
    }

    /// <summary>
    /// Adds a canned response (<c>Id</c> null) or changes one over the version the supervisor loaded. Invalid input is
    /// <see cref="ChatException"/> (<see cref="ChatErrors.Invalid"/> or <see cref="ChatErrors.TooLong"/>); a save over a
    /// newer version, or of one deleted meanwhile, is <see cref="StaleCannedResponseException"/>.
    /// </summary>
    public async Task<CannedResponse> SaveAsync(Actor actor, CannedResponseInput input, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Supervisor);
        var shortcut = input.Shortcut?.Trim().TrimStart('/') ?? "";
        var title = input.Title?.Trim() ?? "";
        var text = input.Text?.Trim() ?? "";
        var culture = input.Culture?.Trim() ?? "";
        if (shortcut.Length == 0 || shortcut.Any(char.IsWhiteSpace) || title.Length == 0 || text.Length == 0 || !IsCulture(culture))
        {
            throw new ChatException(ChatErrors.Invalid, "A canned response needs a shortcut without spaces, a title, a text and a culture.");
        }

        if (shortcut.Length > CannedResponseEntry.ShortcutLength || title.Length > CannedResponseEntry.TitleLength || text.Length > ChatLimits.MaxText)
        {
            throw new ChatException(ChatErrors.TooLong, "The shortcut, title or text is too long.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        CannedResponseEntry row;
        if (input.Id is { } id)
        {
            row = await db.Set<CannedResponseEntry>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new StaleCannedResponseException(id);
            if (row.Version != input.Version)
            {
                throw new StaleCannedResponseException(id);
            }
        }
        else
        {
            row = new CannedResponseEntry();
            db.Add(row);
        }

        row.Shortcut = shortcut;
        row.Title = title;
        row.Text = text;
        row.Culture = culture;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleCannedResponseException(row.Id);
        }
        catch (DbUpdateException)
        {
            throw new ChatException(ChatErrors.Invalid, $"The shortcut /{shortcut} is taken in {culture}.");
        }

        return ToResponse(row);
    }

    public async Task DeleteAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Supervisor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Set<CannedResponseEntry>().Where(r => r.Id == id && r.Version == version).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw new StaleCannedResponseException(id);
        }
    }

    private static CannedResponse ToResponse(CannedResponseEntry r) => new(r.Id, r.Shortcut, r.Title, r.Text, r.Culture, r.Version);

    private static bool IsCulture(string name)
    {
        if (name.Length is 0 or > CannedResponseEntry.CultureLength)
        {
            return false;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
