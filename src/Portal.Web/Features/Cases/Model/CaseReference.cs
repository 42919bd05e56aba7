using System.Globalization;

namespace Portal.Web.Features.Cases.Model;

/// <summary>Case references (pure): <c>C-20261201-0042</c> (complaints) and <c>R-…</c> (requests), the business date and that day's running number per kind.</summary>
public static class CaseReference
{
    public static string Prefix(CaseKind kind, DateOnly businessDate) =>
        $"{(kind == CaseKind.Complaint ? 'C' : 'R')}-{businessDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-";

    public static string Format(CaseKind kind, DateOnly businessDate, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 9_999);
        return Prefix(kind, businessDate) + number.ToString("0000", CultureInfo.InvariantCulture);
    }

    /// <summary>The kind a reference names, or null when it is not one (a cheap check before any query).</summary>
    public static CaseKind? KindOf(string? reference)
    {
        if (reference is not { Length: Case.ReferenceLength } || reference[1] != '-' || reference[10] != '-'
            || !reference.AsSpan(2, 8).ContainsOnlyDigits() || !reference.AsSpan(11, 4).ContainsOnlyDigits())
        {
            return null;
        }

        return reference[0] switch { 'C' => CaseKind.Complaint, 'R' => CaseKind.Request, _ => null };
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
