namespace Portal.Web.Features.Statements;

/// <summary>What a product is, which decides where it sits in the allocation chart.</summary>
public enum ProductType
{
    MoneyMarket,
    Bond,
    Balanced,
    Equity,
    Index,
}

/// <summary>The regulator's five risk levels, R1 (lowest) to R5 (highest).</summary>
public enum RiskLevel
{
    R1 = 1,
    R2 = 2,
    R3 = 3,
    R4 = 4,
    R5 = 5,
}

/// <summary>A fund or other product the firm's records hold positions in.</summary>
public sealed class Product
{
    public int Id { get; set; }

    /// <summary>The product code the record-keeping system uses (six digits for funds).</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public ProductType Type { get; set; }

    public RiskLevel Risk { get; set; }

    public string Currency { get; set; } = "CNY";
}

/// <summary>A product's net asset value per unit on one trading day.</summary>
public sealed class ProductPrice
{
    public long Id { get; set; }

    public int ProductId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>NAV per unit (four decimals). Never compared in SQL.</summary>
    public decimal Nav { get; set; }
}
