using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Web.Features.Chat.Model;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("ChatConversations");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(Conversation.IdLength);
        builder.Property(x => x.InvestorUserId).HasMaxLength(450);
        builder.Property(x => x.InvestorName).HasMaxLength(200);
        builder.Property(x => x.AgentUserId).HasMaxLength(450);
        builder.Property(x => x.AgentName).HasMaxLength(200);
        builder.Property(x => x.OfferedToUserId).HasMaxLength(450);
        builder.Property(x => x.OfferedToName).HasMaxLength(200);
        builder.Property(x => x.RequiredTeam).HasMaxLength(40);
        builder.Property(x => x.OfferNote).HasMaxLength(ChatLimits.MaxText);
        builder.Property(x => x.DeclinedByUserId).HasMaxLength(450);
        builder.Property(x => x.AdviserUserId).HasMaxLength(450);
        builder.Property(x => x.RatingComment).HasMaxLength(ChatLimits.MaxRatingComment);
        builder.Property(x => x.Version).IsConcurrencyToken();
        // At most one open chat per investor (Queued, Offered, Active): a second StartChat finds the first.
        builder.HasIndex(x => x.InvestorId).IsUnique().HasFilter("\"State\" < 3").HasDatabaseName("IX_ChatConversations_OpenPerInvestor");
        builder.HasIndex(x => new { x.InvestorId, x.QueuedAt });
        builder.HasIndex(x => new { x.State, x.QueuedAt });
        builder.HasIndex(x => new { x.AgentUserId, x.State });
        builder.HasIndex(x => x.QueuedAt);
    }
}

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> builder)
    {
        builder.ToTable("ChatMessages");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ConversationId).HasMaxLength(Conversation.IdLength);
        builder.Property(x => x.ClientMessageId).HasMaxLength(ChatLimits.MaxClientMessageId);
        builder.Property(x => x.SenderUserId).HasMaxLength(450);
        builder.Property(x => x.SenderName).HasMaxLength(200);
        builder.Property(x => x.Text).HasMaxLength(ChatLimits.MaxText);
        builder.HasIndex(x => new { x.ConversationId, x.Sequence }).IsUnique();
        builder.HasIndex(x => new { x.ConversationId, x.ClientMessageId }).IsUnique();
        builder.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConversationTransferConfiguration : IEntityTypeConfiguration<ConversationTransfer>
{
    public void Configure(EntityTypeBuilder<ConversationTransfer> builder)
    {
        builder.ToTable("ChatTransfers");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ConversationId).HasMaxLength(Conversation.IdLength);
        builder.Property(x => x.FromUserId).HasMaxLength(450);
        builder.Property(x => x.ToUserId).HasMaxLength(450);
        builder.Property(x => x.ToTeam).HasMaxLength(40);
        builder.Property(x => x.Note).HasMaxLength(ChatLimits.MaxText);
        builder.HasIndex(x => new { x.ConversationId, x.At });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConversationNoteConfiguration : IEntityTypeConfiguration<ConversationNote>
{
    public void Configure(EntityTypeBuilder<ConversationNote> builder)
    {
        builder.ToTable("ChatNotes");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ConversationId).HasMaxLength(Conversation.IdLength);
        builder.Property(x => x.AuthorUserId).HasMaxLength(450);
        builder.Property(x => x.AuthorName).HasMaxLength(200);
        builder.Property(x => x.Text).HasMaxLength(ChatLimits.MaxText);
        builder.HasIndex(x => new { x.ConversationId, x.At });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeskPresenceConfiguration : IEntityTypeConfiguration<DeskPresence>
{
    public void Configure(EntityTypeBuilder<DeskPresence> builder)
    {
        builder.ToTable("ChatDeskPresence");
        builder.HasKey(x => x.UserId);
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.HasIndex(x => new { x.Presence, x.LastSeenAt });
    }
}

internal sealed class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponseEntry>
{
    public void Configure(EntityTypeBuilder<CannedResponseEntry> builder)
    {
        builder.ToTable("ChatCannedResponses");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Shortcut).HasMaxLength(CannedResponseEntry.ShortcutLength);
        builder.Property(x => x.Title).HasMaxLength(CannedResponseEntry.TitleLength);
        builder.Property(x => x.Text).HasMaxLength(ChatLimits.MaxText);
        builder.Property(x => x.Culture).HasMaxLength(CannedResponseEntry.CultureLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.Culture, x.Shortcut }).IsUnique();
    }
}
