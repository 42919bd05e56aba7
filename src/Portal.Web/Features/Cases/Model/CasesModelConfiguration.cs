using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Web.Features.Cases.Model;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(x => x.Reference).HasMaxLength(Case.ReferenceLength);
        builder.HasIndex(x => x.Reference).IsUnique();
        builder.Property(x => x.Subject).HasMaxLength(CaseLimits.MaxSubject);
        builder.Property(x => x.Description).HasMaxLength(CaseLimits.MaxDescription);
        builder.Property(x => x.InvestorUserId).HasMaxLength(450);
        builder.Property(x => x.InvestorName).HasMaxLength(200);
        builder.Property(x => x.SourceReference).HasMaxLength(64);
        builder.Property(x => x.AccountNumber).HasMaxLength(CaseLimits.MaxAccountNumber);
        builder.Property(x => x.TransactionSummary).HasMaxLength(300);
        builder.Property(x => x.OwnerUserId).HasMaxLength(450);
        builder.Property(x => x.OwnerName).HasMaxLength(200);
        builder.Property(x => x.RatingComment).HasMaxLength(CaseLimits.MaxRatingComment);
        builder.Property(x => x.Investigation).HasMaxLength(CaseLimits.MaxText);
        builder.Property(x => x.Resolution).HasMaxLength(CaseLimits.MaxText);
        builder.Property(x => x.ClientResponse).HasMaxLength(CaseLimits.MaxText);
        builder.Property(x => x.HandlerUserId).HasMaxLength(450);
        builder.Property(x => x.HandlerName).HasMaxLength(200);
        builder.Property(x => x.ReviewerUserId).HasMaxLength(450);
        builder.Property(x => x.ReviewerName).HasMaxLength(200);
        builder.Property(x => x.EscalatedByUserId).HasMaxLength(450);
        builder.Property(x => x.EscalatedByName).HasMaxLength(200);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.InvestorId, x.SubmissionId }).IsUnique();
        // The investor's lists (newest first) and the desk's views (by due time).
        builder.HasIndex(x => new { x.InvestorId, x.Kind, x.CreatedAt });
        builder.HasIndex(x => new { x.Status, x.DueAt });
        builder.HasIndex(x => new { x.OwnerUserId, x.DueAt });
        builder.HasIndex(x => new { x.Team, x.DueAt });
        builder.HasIndex(x => x.DueAt);
        builder.HasMany<CaseEvent>().WithOne(e => e.Case).HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<CaseAttachment>().WithOne(a => a.Case).HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<CaseHandover>().WithOne(h => h.Case).HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("CaseEvents");
        builder.Property(x => x.ActorUserId).HasMaxLength(450);
        builder.Property(x => x.ActorName).HasMaxLength(200);
        builder.Property(x => x.Text).HasMaxLength(CaseLimits.MaxText);
        builder.HasIndex(x => new { x.CaseId, x.At });
        builder.HasIndex(x => new { x.CaseId, x.SubmissionId }).IsUnique().HasFilter("\"SubmissionId\" IS NOT NULL");
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.ToTable("CaseAttachments");
        builder.Property(x => x.FileName).HasMaxLength(CaseLimits.MaxFileName);
        builder.Property(x => x.ContentType).HasMaxLength(40);
        builder.Property(x => x.UploadedByUserId).HasMaxLength(450);
        builder.Property(x => x.UploadedByName).HasMaxLength(200);
        builder.HasIndex(x => x.CaseId);
        builder.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CaseHandoverConfiguration : IEntityTypeConfiguration<CaseHandover>
{
    public void Configure(EntityTypeBuilder<CaseHandover> builder)
    {
        builder.ToTable("CaseHandovers");
        builder.Property(x => x.FromUserId).HasMaxLength(450);
        builder.Property(x => x.FromName).HasMaxLength(200);
        builder.Property(x => x.ToUserId).HasMaxLength(450);
        builder.Property(x => x.ToName).HasMaxLength(200);
        builder.Property(x => x.Reason).HasMaxLength(CaseLimits.MaxReason);
        builder.Property(x => x.ByUserId).HasMaxLength(450);
        builder.Property(x => x.ByName).HasMaxLength(200);
        builder.HasIndex(x => x.CaseId);
    }
}

internal sealed class CasePointsConfiguration : IEntityTypeConfiguration<CasePoints>
{
    public void Configure(EntityTypeBuilder<CasePoints> builder)
    {
        builder.ToTable("CasePoints");
        builder.Property(x => x.AgentUserId).HasMaxLength(450);
        builder.Property(x => x.AgentName).HasMaxLength(200);
        builder.Property(x => x.CaseReference).HasMaxLength(Case.ReferenceLength);
        builder.Property(x => x.Reason).HasMaxLength(CaseLimits.MaxReason);
        builder.Property(x => x.ByUserId).HasMaxLength(450);
        builder.Property(x => x.ByName).HasMaxLength(200);
        builder.HasIndex(x => new { x.Month, x.AgentUserId });
        builder.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CallRecordConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> builder)
    {
        builder.ToTable("CaseCallRecords");
        builder.Property(x => x.CallerName).HasMaxLength(CaseLimits.MaxCallerName);
        builder.Property(x => x.AccountNumber).HasMaxLength(CaseLimits.MaxAccountNumber);
        builder.Property(x => x.Question).HasMaxLength(CaseLimits.MaxText);
        builder.Property(x => x.Answer).HasMaxLength(CaseLimits.MaxText);
        builder.Property(x => x.Result).HasMaxLength(CaseLimits.MaxText);
        builder.Property(x => x.FollowUpUserId).HasMaxLength(450);
        builder.Property(x => x.FollowUpName).HasMaxLength(200);
        builder.Property(x => x.RecordedByUserId).HasMaxLength(450);
        builder.Property(x => x.RecordedByName).HasMaxLength(200);
        builder.Property(x => x.CaseReference).HasMaxLength(Case.ReferenceLength);
        builder.HasIndex(x => new { x.RecordedByUserId, x.SubmissionId }).IsUnique();
        builder.HasIndex(x => new { x.RecordedByUserId, x.CalledAt });
        builder.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PhoneScriptTextConfiguration : IEntityTypeConfiguration<PhoneScriptText>
{
    public void Configure(EntityTypeBuilder<PhoneScriptText> builder)
    {
        builder.ToTable("CasePhoneScripts");
        builder.Property(x => x.Culture).HasMaxLength(10);
        builder.Property(x => x.Text).HasMaxLength(CaseLimits.MaxPhoneScript);
        builder.Property(x => x.UpdatedBy).HasMaxLength(200);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.Kind, x.Culture }).IsUnique();
        // Shipped with the portal, not demo data: every installation starts with these.
        builder.HasData(ShippedPhoneScripts.All);
    }
}
