namespace Portal.Web.Features.Admin.Settings;

/// <summary>
/// A setting kept in the database (<see cref="SettingsStore"/>): its key, its value while no one has saved it, its
/// rules and how a change reads in the audit trail. The page validates with the same rules the store enforces.
/// </summary>
public interface ISetting<T>
{
    /// <summary>The row's key, also the audit subject <c>settings:&lt;key&gt;</c>. Stored: never rename one.</summary>
    string Key { get; }

    T Default { get; }

    /// <summary>Every problem with <paramref name="value"/>; empty when it may be saved.</summary>
    IReadOnlyList<SettingError> Validate(T value);

    /// <summary>What changed, as "what: before → after" parts for the audit trail.</summary>
    string DescribeChange(T before, T after);
}

/// <summary>
/// One problem with a setting's value: the field it belongs to (e.g. <c>week:Monday</c>, <c>day:2026-10-01</c>,
/// <c>goldLots</c>), the text's key in <c>AdminText</c>, and the text's arguments (culture-neutral).
/// </summary>
public sealed record SettingError(string Field, string Text, params string[] Arguments);

/// <summary>A setting's value as stored, with the version a later save must name, and who saved it when.</summary>
public sealed record SettingValue<T>(T Value, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>A value that breaks the setting's rules; nothing was saved.</summary>
public sealed class SettingValidationException(string key, IReadOnlyList<SettingError> errors)
    : Exception($"settings:{key} is not valid: {string.Join("; ", errors.Select(e => $"{e.Field} {e.Text}"))}")
{
    public IReadOnlyList<SettingError> Errors { get; } = errors;
}

/// <summary>The setting was saved by someone else after the caller loaded it; the caller's save was refused.</summary>
public sealed class StaleSettingException(string key, string? updatedBy, DateTimeOffset? updatedAt)
    : Exception($"settings:{key} was saved by {updatedBy ?? "someone else"} at {updatedAt:O} after it was loaded; the save was refused.")
{
    public string? UpdatedBy { get; } = updatedBy;

    public DateTimeOffset? UpdatedAt { get; } = updatedAt;
}
