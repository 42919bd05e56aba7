using System.Diagnostics.CodeAnalysis;

namespace Portal.Web.Components.Shared;

/// <summary>
/// What a page loaded for one key (a month, a slug, a query). Pages keep it in a <c>[PersistentState]</c>
/// property, so what the prerender loaded is carried into the interactive render instead of being loaded
/// again; the key makes sure a value loaded for one month or slug is never shown for another.
/// <see cref="Value"/> is null when there was nothing to load (a month without a statement). <see cref="KeyedLoader{T}"/> loads it.
/// </summary>
public sealed record Loaded<T>(string Key, T? Value);

public static class Loaded
{
    /// <summary>True when <paramref name="loaded"/> holds what was loaded for <paramref name="key"/>.</summary>
    public static bool IsFor<T>([NotNullWhen(true)] this Loaded<T>? loaded, string key) =>
        loaded is not null && string.Equals(loaded.Key, key, StringComparison.Ordinal);
}
