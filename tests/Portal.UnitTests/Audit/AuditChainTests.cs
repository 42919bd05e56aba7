using Portal.Web.Features.Audit;

namespace Portal.UnitTests.Audit;

/// <summary>The hash chain the writer builds and the verifier walks: what it finds, and where.</summary>
public sealed class AuditChainTests
{
    /// <summary>Five rows linked as the interceptor links them on save.</summary>
    private static List<AuditEntry> Chain(int count = 5)
    {
        var rows = Enumerable.Range(1, count).Select(i => new AuditEntry
        {
            At = new DateTimeOffset(2026, 12, 1, 8, 0, i, 123, TimeSpan.Zero),
            ActorUserId = "user-" + i,
            ActorName = "管理员 " + i,
            Address = "10.0.0." + i,
            Action = AuditActions.RoleChanged,
            Subject = "user:" + i,
            Details = "Agent -> Supervisor",
        }).ToList();
        AuditChain.Link(rows, 0, "");
        return rows;
    }

    [Fact]
    public void An_untouched_chain_is_intact()
    {
        Assert.Null(AuditChain.FindBreak(Chain()));
    }

    [Fact]
    public void An_empty_trail_is_intact()
    {
        Assert.Null(AuditChain.FindBreak([]));
    }

    [Fact]
    public void Rows_saved_later_continue_the_chain_of_the_stored_ones()
    {
        var rows = Chain(3);
        var later = Chain(2);
        AuditChain.Link(later, rows[^1].Id, rows[^1].Hash);

        Assert.Equal([4L, 5L], later.Select(r => r.Id));
        Assert.Null(AuditChain.FindBreak([.. rows, .. later]));
    }

    public static TheoryData<string> Fields() => ["At", "ActorUserId", "ActorName", "Address", "Action", "Subject", "Details"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_changed_field_marks_its_row_as_altered(string field)
    {
        var rows = Chain();
        var row = rows[2];
        switch (field)
        {
            case "At": row.At = row.At.AddMilliseconds(1); break;
            case "ActorUserId": row.ActorUserId = null; break;
            case "ActorName": row.ActorName = "someone else"; break;
            case "Address": row.Address = "192.0.2.1"; break;
            case "Action": row.Action = AuditActions.SignIn; break;
            case "Subject": row.Subject = "user:99"; break;
            default: row.Details = null; break;
        }

        Assert.Equal(new AuditBreak(3, AuditBreakKind.Altered), AuditChain.FindBreak(rows));
    }

    [Fact]
    public void A_row_whose_hash_was_recomputed_after_a_change_breaks_the_link_to_the_next()
    {
        var rows = Chain();
        rows[1].Details = "changed";
        rows[1].Hash = AuditChain.HashOf(rows[1]);

        Assert.Equal(new AuditBreak(3, AuditBreakKind.Altered), AuditChain.FindBreak(rows));
    }

    [Fact]
    public void A_replaced_hash_marks_its_row_as_altered()
    {
        var rows = Chain();
        rows[3].Hash = new string('0', 64);

        Assert.Equal(new AuditBreak(4, AuditBreakKind.Altered), AuditChain.FindBreak(rows));
    }

    [Fact]
    public void A_field_that_swallows_the_next_one_does_not_hash_the_same()
    {
        var rows = Chain(1);
        var original = AuditChain.HashOf(rows[0]);
        rows[0].Subject += rows[0].Details;
        rows[0].Details = "";

        Assert.NotEqual(original, AuditChain.HashOf(rows[0]));
    }

    [Fact]
    public void A_deleted_middle_row_is_reported_missing()
    {
        var rows = Chain();
        rows.RemoveAt(2);

        Assert.Equal(new AuditBreak(3, AuditBreakKind.Missing), AuditChain.FindBreak(rows));
    }

    [Fact]
    public void A_deleted_first_row_is_reported_missing()
    {
        var rows = Chain();
        rows.RemoveAt(0);

        Assert.Equal(new AuditBreak(1, AuditBreakKind.Missing), AuditChain.FindBreak(rows));
    }

    [Fact]
    public void A_deleted_last_row_leaves_an_intact_shorter_chain_that_an_earlier_anchor_still_catches()
    {
        var rows = Chain();
        var anchor = new AuditAnchor(rows[^1].Id, rows[^1].Hash);
        rows.RemoveAt(rows.Count - 1);

        // The chain alone cannot tell: what is left is a valid chain of four rows.
        Assert.Null(AuditChain.FindBreak(rows));
        Assert.Equal(new AuditBreak(5, AuditBreakKind.Missing), AuditChain.FindBreak(rows, anchor));
    }

    [Fact]
    public void A_chain_rewritten_from_a_row_on_no_longer_holds_the_anchor()
    {
        var rows = Chain();
        var anchor = new AuditAnchor(4, rows[3].Hash);
        rows[2].Details = "rewritten";
        AuditChain.Link(rows.Skip(2), 2, rows[1].Hash);

        Assert.Null(AuditChain.FindBreak(rows));
        Assert.Equal(new AuditBreak(4, AuditBreakKind.Altered), AuditChain.FindBreak(rows, anchor));
    }

    [Fact]
    public void A_chain_that_grew_after_the_anchor_is_intact()
    {
        var rows = Chain();
        var anchor = new AuditAnchor(3, rows[2].Hash);

        Assert.Null(AuditChain.FindBreak(rows, anchor));
    }

    [Fact]
    public void The_walk_reports_how_far_it_got_and_the_last_hash()
    {
        var rows = Chain();
        var walk = new AuditChainWalk();
        foreach (var row in rows)
        {
            Assert.Null(walk.Next(row));
        }

        Assert.Null(walk.End());
        Assert.Equal(5, walk.Rows);
        Assert.Equal(rows[^1].Hash, walk.LastHash);
    }

    [Theory]
    [InlineData("12:", false)]
    [InlineData("0:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("12:aaaa", false)]
    [InlineData("12:zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", false)]
    [InlineData("-3:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("12:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", true)]
    public void An_anchor_is_a_row_number_and_a_SHA256_in_hex(string text, bool valid)
    {
        Assert.Equal(valid, AuditAnchor.TryParse(text, out var anchor));
        if (valid)
        {
            Assert.Equal("12:" + new string('a', 64), anchor!.ToString());
        }
    }
}
