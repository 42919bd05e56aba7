using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Portal.Web.Features.Audit;

/// <summary>The hash chain over the audit rows: pure, so the writer and the verifier compute it the same way.</summary>
public static class AuditChain
{
    /// <summary>SHA-256 (lower-case hex) over the row's content and the previous row's hash.</summary>
    public static string HashOf(AuditEntry entry)
    {
        string?[] fields =
        [
            entry.Id.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            entry.ActorUserId, entry.ActorName, entry.Address, entry.Action, entry.Subject, entry.Details, entry.PreviousHash,
        ];
        // A JSON array is an unambiguous encoding: no field can fake a separator.
        var canonical = JsonSerializer.SerializeToUtf8Bytes(fields);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    /// <summary>Numbers the new rows after the last stored one and chains their hashes.</summary>
    public static void Link(IEnumerable<AuditEntry> added, long lastId, string lastHash)
    {
        foreach (var entry in added)
        {
            entry.Id = ++lastId;
            entry.PreviousHash = lastHash;
            entry.Hash = lastHash = HashOf(entry);
        }
    }

    /// <summary>
    /// The first row that breaks the chain, or null when every row (in id order) is intact. With an
    /// <paramref name="anchor"/> (the last row of an earlier check, kept elsewhere) it also finds rows cut from the end.
    /// </summary>
    public static AuditBreak? FindBreak(IEnumerable<AuditEntry> rowsInIdOrder, AuditAnchor? anchor = null)
    {
        var walk = new AuditChainWalk(anchor);
        foreach (var row in rowsInIdOrder)
        {
            if (walk.Next(row) is { } found)
            {
                return found;
            }
        }

        return walk.End();
    }

    internal static string Describe(this AuditBreak found) =>
        string.Create(CultureInfo.InvariantCulture, $"row {found.Id} is {(found.Kind == AuditBreakKind.Missing ? "missing" : "altered")}");
}

public enum AuditBreakKind
{
    Missing,
    Altered,
}

/// <summary>The first row where the chain breaks.</summary>
public sealed record AuditBreak(long Id, AuditBreakKind Kind);

/// <summary>
/// Checks rows one at a time in id order, so a verifier can stream any number of them. A chain alone cannot show
/// that rows were cut from its end (what is left is a shorter, intact chain); an <see cref="AuditAnchor"/> can.
/// </summary>
public sealed class AuditChainWalk(AuditAnchor? anchor = null)
{
    /// <summary>How many rows were found intact so far.</summary>
    public long Rows { get; private set; }

    /// <summary>The hash of the last intact row ("" before the first).</summary>
    public string LastHash { get; private set; } = "";

    /// <summary>Checks the next row; returns the break it shows, or null when it continues the chain.</summary>
    public AuditBreak? Next(AuditEntry row)
    {
        var expectedId = Rows + 1;
        if (row.Id != expectedId)
        {
            return new(expectedId, AuditBreakKind.Missing);
        }

        // A chain rewritten from some row on is intact in itself, but no longer holds the anchor's hash.
        if (row.PreviousHash != LastHash || AuditChain.HashOf(row) != row.Hash || (row.Id == anchor?.Id && row.Hash != anchor.Hash))
        {
            return new(row.Id, AuditBreakKind.Altered);
        }

        LastHash = row.Hash;
        Rows = row.Id;
        return null;
    }

    /// <summary>After the last row: the anchor's row must have been reached.</summary>
    public AuditBreak? End() => anchor is not null && anchor.Id > Rows ? new(Rows + 1, AuditBreakKind.Missing) : null;
}

/// <summary>The last row of an earlier check ("id:hash"), kept outside the database, that the chain must still hold.</summary>
public sealed record AuditAnchor(long Id, string Hash)
{
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AuditAnchor? anchor)
    {
        anchor = null;
        var parts = text?.Split(':') ?? [];
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            && parts[1].Length == 64 && parts[1].All(Uri.IsHexDigit))
        {
            anchor = new(id, Convert.ToHexStringLower(Convert.FromHexString(parts[1])));
        }

        return anchor is not null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id}:{Hash}");
}
