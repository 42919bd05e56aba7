using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Web.Features.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(x => x.Id);
        // The chain numbers its rows itself (see AuditChainInterceptor), so a gap means a missing row.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ActorUserId).HasMaxLength(450);
        builder.Property(x => x.ActorName).HasMaxLength(200);
        builder.Property(x => x.Address).HasMaxLength(64);
        builder.Property(x => x.Action).HasMaxLength(AuditEntry.ActionLength);
        builder.Property(x => x.Subject).HasMaxLength(AuditEntry.SubjectLength);
        builder.Property(x => x.Details).HasMaxLength(AuditEntry.DetailsLength);
        builder.Property(x => x.PreviousHash).HasMaxLength(64);
        builder.Property(x => x.Hash).HasMaxLength(64);
        builder.HasIndex(x => x.At);
        builder.HasIndex(x => new { x.Action, x.At });
        builder.HasIndex(x => new { x.ActorUserId, x.At });
        builder.HasIndex(x => new { x.Subject, x.At });
    }
}
