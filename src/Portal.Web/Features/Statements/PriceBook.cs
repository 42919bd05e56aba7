namespace Portal.Web.Features.Statements;

/// <summary>Daily NAVs by product; a day without a price (weekend, holiday) uses the last one before it.</summary>
public sealed class PriceBook
{
    private readonly Dictionary<int, (DateOnly[] Dates, decimal[] Navs)> _series;

    public PriceBook(IEnumerable<(int ProductId, DateOnly Date, decimal Nav)> prices)
    {
        _series = prices.GroupBy(p => p.ProductId).ToDictionary(
            g => g.Key,
            g =>
            {
                var ordered = g.OrderBy(p => p.Date).ToArray();
                return (ordered.Select(p => p.Date).ToArray(), ordered.Select(p => p.Nav).ToArray());
            });
    }

    public decimal NavOn(int productId, DateOnly date)
    {
        if (!_series.TryGetValue(productId, out var series) || series.Dates.Length == 0)
        {
            throw new InvalidOperationException($"Product {productId} has no prices.");
        }

        var index = Array.BinarySearch(series.Dates, date);
        if (index < 0)
        {
            // ~index is the first later date; the one before it is the last known price (or the first ever).
            index = Math.Max(0, ~index - 1);
        }

        return series.Navs[index];
    }
}
