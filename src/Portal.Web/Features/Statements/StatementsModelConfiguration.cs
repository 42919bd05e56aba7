using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("Products");
        builder.Property(p => p.Code).HasMaxLength(16);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Risk).HasConversion<string>().HasMaxLength(2);
        builder.Property(p => p.Currency).HasMaxLength(3);
    }
}

internal sealed class ProductPriceConfiguration : IEntityTypeConfiguration<ProductPrice>
{
    public void Configure(EntityTypeBuilder<ProductPrice> builder)
    {
        builder.ToTable("ProductPrices");
        builder.Property(p => p.Nav).HasPrecision(12, 4);
        builder.HasIndex(p => new { p.ProductId, p.Date }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvestorAccountConfiguration : IEntityTypeConfiguration<InvestorAccount>
{
    public void Configure(EntityTypeBuilder<InvestorAccount> builder)
    {
        builder.ToTable("InvestorAccounts");
        builder.Property(a => a.Number).HasMaxLength(24);
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => a.InvestorId);
        builder.HasOne<Investor>().WithMany().HasForeignKey(a => a.InvestorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TransactionConfiguration : IEntityTypeConfiguration<Transaction>
{
    public void Configure(EntityTypeBuilder<Transaction> builder)
    {
        builder.ToTable("Transactions");
        builder.Property(t => t.SourceId).HasMaxLength(64);
        builder.HasIndex(t => t.SourceId).IsUnique();
        builder.Property(t => t.Reference).HasMaxLength(32);
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.FailureReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Units).HasPrecision(18, 2);
        builder.Property(t => t.TargetUnits).HasPrecision(18, 2);
        builder.Property(t => t.Nav).HasPrecision(12, 4);
        // Every investor page filters by investor and date range.
        builder.HasIndex(t => new { t.InvestorId, t.TradeDate });
        builder.HasOne<Investor>().WithMany().HasForeignKey(t => t.InvestorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Account).WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Product).WithMany().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.TargetProduct).WithMany().HasForeignKey(t => t.TargetProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MonthlyStatementConfiguration : IEntityTypeConfiguration<MonthlyStatement>
{
    public void Configure(EntityTypeBuilder<MonthlyStatement> builder)
    {
        builder.ToTable("MonthlyStatements");
        builder.Property(s => s.Tier).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => new { s.InvestorId, s.Month }).IsUnique();
        builder.HasOne<Investor>().WithMany().HasForeignKey(s => s.InvestorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Holdings).WithOne().HasForeignKey(h => h.StatementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatementHoldingConfiguration : IEntityTypeConfiguration<StatementHolding>
{
    public void Configure(EntityTypeBuilder<StatementHolding> builder)
    {
        builder.ToTable("StatementHoldings");
        builder.Property(h => h.Units).HasPrecision(18, 2);
        builder.Property(h => h.Nav).HasPrecision(12, 4);
        builder.HasOne(h => h.Product).WithMany().HasForeignKey(h => h.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MonthEndRunConfiguration : IEntityTypeConfiguration<MonthEndRun>
{
    public void Configure(EntityTypeBuilder<MonthEndRun> builder)
    {
        builder.ToTable("MonthEndRuns");
        builder.HasIndex(r => r.Month).IsUnique();
    }
}
