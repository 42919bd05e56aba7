using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Features.Notifications.Inbox;
using Portal.Web.Features.Notifications.Outbox;
using Portal.Web.Features.Notifications.Preferences;
using Portal.Web.Features.Notifications.Sms;

namespace Portal.Web.Features.Notifications;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("NotificationOutbox");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.RecipientUserId).HasMaxLength(NotificationLimits.MaxUserId);
        builder.Property(x => x.Template).HasMaxLength(NotificationLimits.MaxTemplate);
        builder.Property(x => x.ValuesJson).HasMaxLength(NotificationLimits.MaxValuesJson);
        builder.Property(x => x.Link).HasMaxLength(NotificationLimits.MaxLink);
        // The dispatcher's queue: what has not been expanded yet, oldest first.
        builder.HasIndex(x => x.Id).HasFilter("\"ExpandedAt\" IS NULL").HasDatabaseName("IX_NotificationOutbox_Waiting");
    }
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.ToTable("NotificationDeliveries");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.RecipientUserId).HasMaxLength(NotificationLimits.MaxUserId);
        builder.Property(x => x.ClaimedBy).HasMaxLength(NotificationLimits.MaxInstance);
        builder.Property(x => x.LastError).HasMaxLength(NotificationLimits.MaxError);
        // One delivery per message and channel, whoever expands it.
        builder.HasIndex(x => new { x.OutboxMessageId, x.Channel }).IsUnique();
        builder.HasIndex(x => new { x.State, x.NextAttemptAt });
        builder.HasIndex(x => new { x.State, x.LeaseUntil });
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(x => x.OutboxMessageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.ToTable("NotificationAttempts");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Error).HasMaxLength(NotificationLimits.MaxError);
        builder.Property(x => x.Instance).HasMaxLength(NotificationLimits.MaxInstance);
        builder.HasIndex(x => new { x.DeliveryId, x.At });
        builder.HasOne<NotificationDelivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> builder)
    {
        builder.ToTable("NotificationInbox");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.UserId).HasMaxLength(NotificationLimits.MaxUserId);
        builder.Property(x => x.Title).HasMaxLength(NotificationLimits.MaxTitle);
        builder.Property(x => x.Body).HasMaxLength(NotificationLimits.MaxBody);
        builder.Property(x => x.Link).HasMaxLength(NotificationLimits.MaxLink);
        builder.HasIndex(x => x.DeliveryId).IsUnique();
        builder.HasIndex(x => new { x.UserId, x.CreatedAt });
        builder.HasIndex(x => x.UserId).HasFilter("\"ReadAt\" IS NULL AND \"ArchivedAt\" IS NULL").HasDatabaseName("IX_NotificationInbox_Unread");
        builder.HasOne<NotificationDelivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(x => new { x.UserId, x.Topic });
        builder.Property(x => x.UserId).HasMaxLength(NotificationLimits.MaxUserId);
    }
}

internal sealed class NotificationRecipientConfiguration : IEntityTypeConfiguration<NotificationRecipient>
{
    public void Configure(EntityTypeBuilder<NotificationRecipient> builder)
    {
        builder.ToTable("NotificationRecipients");
        builder.HasKey(x => x.UserId);
        builder.Property(x => x.UserId).HasMaxLength(NotificationLimits.MaxUserId);
        builder.Property(x => x.Culture).HasMaxLength(NotificationLimits.MaxCulture);
    }
}

internal sealed class SmsSinkMessageConfiguration : IEntityTypeConfiguration<SmsSinkMessage>
{
    public void Configure(EntityTypeBuilder<SmsSinkMessage> builder)
    {
        builder.ToTable("NotificationSmsSink");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.To).HasMaxLength(NotificationLimits.MaxAddress);
        builder.Property(x => x.Text).HasMaxLength(NotificationLimits.MaxSmsText);
        builder.HasIndex(x => x.At);
    }
}
