using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.Admin.Settings;

/// <summary>
/// The settings admins change while the portal runs, one JSON row per setting. Every read goes to the database (one
/// primary-key lookup), so every instance sees a save at once; nothing is cached. Saves are for admins, validated,
/// refused when stale, and audited in the same transaction.
/// </summary>
public sealed class SettingsStore(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, TimeProvider clock)
{
    /// <summary>How setting values (and the shipped holiday file) are written: camelCase, enums by name.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A setting's row, compiled once per model (CompiledPerModel): pages read settings on every request (tier thresholds, case limits).</summary>
    private static readonly CompiledPerModel<Func<PortalDbContext, string, CancellationToken, Task<StoredSetting?>>> FindStored =
        new(() => EF.CompileAsyncQuery((PortalDbContext db, string key, CancellationToken _) => db.Set<StoredSetting>().AsNoTracking().SingleOrDefault(s => s.Key == key)));

    /// <summary>The current value, or the setting's default (version 0) while no one has saved it.</summary>
    public async Task<SettingValue<T>> GetAsync<T>(ISetting<T> setting, CancellationToken cancellationToken = default)
    {
        var row = await GetStoredAsync(setting.Key, cancellationToken);
        return row is null ? new(setting.Default, 0, null, null) : new(Read(setting, row), row.Version, row.UpdatedBy, row.UpdatedAt);
    }

    /// <summary>
    /// Saves <paramref name="value"/> over <paramref name="expectedVersion"/>, the version the caller loaded. Throws
    /// <see cref="ActorForbiddenException"/> unless the actor is an admin, <see cref="SettingValidationException"/> for a
    /// value that breaks the rules, and <see cref="StaleSettingException"/> when someone saved after the caller loaded.
    /// </summary>
    public async Task<SettingValue<T>> SaveAsync<T>(Actor actor, ISetting<T> setting, T value, int expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        if (setting.Validate(value) is { Count: > 0 } errors)
        {
            throw new SettingValidationException(setting.Key, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<StoredSetting>().SingleOrDefaultAsync(s => s.Key == setting.Key, cancellationToken);
        if ((row?.Version ?? 0) != expectedVersion)
        {
            throw new StaleSettingException(setting.Key, row?.UpdatedBy, row?.UpdatedAt);
        }

        var json = JsonSerializer.Serialize(value, Json);
        if (row?.Value == json)
        {
            return new(value, row.Version, row.UpdatedBy, row.UpdatedAt);
        }

        var before = row is null ? setting.Default : Read(setting, row);
        if (row is null)
        {
            row = new StoredSetting { Key = setting.Key };
            db.Add(row);
        }

        row.Value = json;
        row.Version = expectedVersion + 1;
        row.UpdatedBy = actor.Name;
        row.UpdatedAt = clock.GetUtcNow();
        audit.Add(db, actor, AuditActions.SettingsChanged, "settings:" + setting.Key, setting.DescribeChange(before, value));
        try
        {
            // The version is the row's concurrency token: the update only applies while it is still the loaded one.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || expectedVersion == 0)
        {
            // Someone saved in between (or, for a first save, inserted the row first).
            var winner = await GetStoredAsync(setting.Key, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            throw new StaleSettingException(setting.Key, winner.UpdatedBy, winner.UpdatedAt);
        }

        return new(value, row.Version, row.UpdatedBy, row.UpdatedAt);
    }

    private async Task<StoredSetting?> GetStoredAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindStored.For(db)(db, key, cancellationToken);
    }

    private static T Read<T>(ISetting<T> setting, StoredSetting row) =>
        JsonSerializer.Deserialize<T>(row.Value, Json) ?? throw new InvalidOperationException($"settings:{setting.Key} holds no value.");
}
