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

    /// <summary>Describes the first row that breaks the chain, or null when every row (in id order) is intact.</summary>
    public static AuditBreak? FindBreak(IEnumerable<AuditEntry> rowsInIdOrder)
    {
        long expectedId = 1;
        var previousHash = "";
        foreach (var row in rowsInIdOrder)
        {
            if (row.Id != expectedId)
            {
                return new(expectedId, AuditBreakKind.Missing);
            }

            if (row.PreviousHash != previousHash || HashOf(row) != row.Hash)
            {
                return new(row.Id, AuditBreakKind.Altered);
            }

            previousHash = row.Hash;
            expectedId++;
        }

        return null;
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
