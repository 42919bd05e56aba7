using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Web.Features.Content;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("ContentItems");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Slug).HasMaxLength(120);
        builder.Property(x => x.Language).HasMaxLength(10);
        builder.Property(x => x.Title).HasMaxLength(200);
        builder.Property(x => x.Summary).HasMaxLength(600);
        builder.Property(x => x.Category).HasMaxLength(60);
        builder.Property(x => x.Tags).HasMaxLength(400);
        builder.Property(x => x.AuthorId).HasMaxLength(450);
        builder.Property(x => x.AuthorName).HasMaxLength(200);
        builder.Property(x => x.ApproverId).HasMaxLength(450);
        builder.Property(x => x.ApproverName).HasMaxLength(200);
        builder.Property(x => x.ReviewComment).HasMaxLength(2000);
        builder.Property(x => x.ImportedHash).HasMaxLength(64);
        builder.Property(x => x.ImportConflictHash).HasMaxLength(64);
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(x => x.TagList);
        builder.Ignore(x => x.IsPublic);
        builder.HasIndex(x => new { x.Kind, x.Slug, x.Language }).IsUnique();
        builder.HasIndex(x => new { x.Status, x.PublishAt });
        builder.HasMany<ContentVersion>().WithOne().HasForeignKey(v => v.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> builder)
    {
        builder.ToTable("ContentVersions");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Title).HasMaxLength(200);
        builder.Property(x => x.Summary).HasMaxLength(600);
        builder.Property(x => x.Category).HasMaxLength(60);
        builder.Property(x => x.Tags).HasMaxLength(400);
        builder.Property(x => x.Action).HasMaxLength(40);
        builder.Property(x => x.ChangedBy).HasMaxLength(200);
        builder.Property(x => x.ChangedById).HasMaxLength(450);
        builder.HasIndex(x => new { x.ContentItemId, x.Number }).IsUnique();
    }
}

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> builder)
    {
        builder.ToTable("MediaAssets");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.FileName).HasMaxLength(200);
        builder.Property(x => x.ContentType).HasMaxLength(60);
        builder.Property(x => x.UploadedBy).HasMaxLength(200);
    }
}

internal sealed class LearningProgressConfiguration : IEntityTypeConfiguration<LearningProgress>
{
    public void Configure(EntityTypeBuilder<LearningProgress> builder)
    {
        builder.ToTable("LearningProgress");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.Slug).HasMaxLength(120);
        builder.HasIndex(x => new { x.UserId, x.Slug }).IsUnique();
    }
}
