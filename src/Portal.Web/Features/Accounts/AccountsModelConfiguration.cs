using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Web.Features.Accounts;

internal sealed class InvestorConfiguration : IEntityTypeConfiguration<Investor>
{
    public void Configure(EntityTypeBuilder<Investor> builder)
    {
        builder.ToTable("Investors");
        builder.Property(i => i.AccountNumber).HasMaxLength(20);
        builder.HasIndex(i => i.AccountNumber).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(100);
        builder.Property(i => i.IdNumberLast4).HasMaxLength(4);
        builder.Property(i => i.Mobile).HasMaxLength(20);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.Tier).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.TierVersion).IsConcurrencyToken();
        builder.Property(i => i.UserId).HasMaxLength(450);
        builder.HasIndex(i => i.UserId).IsUnique();
        builder.HasOne(i => i.Adviser).WithMany().HasForeignKey(i => i.AdviserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(i => i.MaskedIdNumber);
    }
}

internal sealed class StaffProfileConfiguration : IEntityTypeConfiguration<StaffProfile>
{
    public void Configure(EntityTypeBuilder<StaffProfile> builder)
    {
        builder.ToTable("StaffProfiles");
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.Property(s => s.DisplayName).HasMaxLength(100);
        builder.Property(s => s.StaffNumber).HasMaxLength(16);
        builder.Property(s => s.Team).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Rank).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivationCodeConfiguration : IEntityTypeConfiguration<ActivationCode>
{
    public void Configure(EntityTypeBuilder<ActivationCode> builder)
    {
        builder.ToTable("ActivationCodes");
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => c.InvestorId);
        builder.HasOne<Investor>().WithMany().HasForeignKey(c => c.InvestorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivationAttemptConfiguration : IEntityTypeConfiguration<ActivationAttempt>
{
    public void Configure(EntityTypeBuilder<ActivationAttempt> builder)
    {
        builder.ToTable("ActivationAttempts");
        builder.Property(a => a.AccountNumber).HasMaxLength(ActivationAttempt.AccountNumberLength);
        builder.Property(a => a.Address).HasMaxLength(ActivationAttempt.AddressLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.AccountNumber, a.At });
        builder.HasIndex(a => new { a.Address, a.At });
        builder.HasIndex(a => a.At);
    }
}

internal sealed class TierChangeConfiguration : IEntityTypeConfiguration<TierChange>
{
    public void Configure(EntityTypeBuilder<TierChange> builder)
    {
        builder.ToTable("TierChanges");
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Reason).HasMaxLength(500);
        builder.Property(t => t.ChangedBy).HasMaxLength(100);
        builder.Property(t => t.ChangedByUserId).HasMaxLength(450);
        builder.HasIndex(t => new { t.InvestorId, t.ChangedAt });
        builder.HasOne<Investor>().WithMany().HasForeignKey(t => t.InvestorId).OnDelete(DeleteBehavior.Cascade);
    }
}
