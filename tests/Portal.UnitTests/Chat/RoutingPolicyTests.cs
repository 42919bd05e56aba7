using Portal.Web.Features.Accounts;
using Portal.Web.Features.Chat;
using Portal.Web.Features.Chat.Routing;

namespace Portal.UnitTests.Chat;

public sealed class RoutingPolicyTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    private static DeskLoad Agent(string id, int open, int? lastAssignedMinutes = null, AgentPresence presence = AgentPresence.Online, int capacity = 3, bool specialist = false) =>
        new(id, presence, capacity, open, lastAssignedMinutes is { } m ? Nine.AddMinutes(m) : null, specialist);

    [Fact]
    public void Auto_assign_picks_the_agent_with_the_fewest_open_chats()
    {
        Assert.Equal("b", RoutingPolicy.AutoAssign([Agent("a", 2), Agent("b", 0), Agent("c", 1)]));
    }

    [Fact]
    public void Ties_go_to_who_waited_longest_since_their_last_chat()
    {
        Assert.Equal("early", RoutingPolicy.AutoAssign([Agent("late", 1, 30), Agent("early", 1, 5), Agent("middle", 1, 10)]));
    }

    [Fact]
    public void Someone_never_given_a_chat_counts_as_waiting_longest()
    {
        Assert.Equal("new", RoutingPolicy.AutoAssign([Agent("old", 0, 1), Agent("new", 0)]));
    }

    [Fact]
    public void Agents_away_offline_or_full_are_not_picked()
    {
        var desk = new[] { Agent("away", 0, presence: AgentPresence.Away), Agent("off", 0, presence: AgentPresence.Offline), Agent("full", 3), Agent("free", 2) };

        Assert.Equal("free", RoutingPolicy.AutoAssign(desk));
        Assert.Null(RoutingPolicy.AutoAssign(desk.Take(3)));
    }

    [Fact]
    public void A_transfer_to_the_specialists_goes_to_a_specialist_only()
    {
        Assert.Equal("spec", RoutingPolicy.AutoAssign([Agent("agent", 0), Agent("spec", 2, specialist: true)], ChatTeams.Specialists));
    }

    [Fact]
    public void Who_just_let_the_chat_go_is_tried_last()
    {
        Assert.Equal("b", RoutingPolicy.AutoAssign([Agent("a", 0), Agent("b", 2)], avoidUserId: "a"));
        Assert.Equal("a", RoutingPolicy.AutoAssign([Agent("a", 0)], avoidUserId: "a"));
    }

    [Fact]
    public void A_diamond_client_goes_to_their_adviser_first_when_the_adviser_is_online_with_room()
    {
        Assert.Equal("adv", RoutingPolicy.AdviserFirst(ClientTier.Diamond, "adv", [Agent("adv", 2), Agent("a", 0)]));
    }

    [Theory]
    [InlineData(ClientTier.Gold, AgentPresence.Online, 0)]
    [InlineData(ClientTier.Diamond, AgentPresence.Away, 0)]
    [InlineData(ClientTier.Diamond, AgentPresence.Online, 3)]
    public void No_adviser_first_for_other_tiers_or_an_adviser_away_or_full(ClientTier tier, AgentPresence presence, int open)
    {
        Assert.Null(RoutingPolicy.AdviserFirst(tier, "adv", [Agent("adv", open, presence: presence)]));
    }

    [Fact]
    public void No_adviser_first_without_an_adviser_or_with_one_not_on_the_desk()
    {
        Assert.Null(RoutingPolicy.AdviserFirst(ClientTier.Diamond, null, [Agent("a", 0)]));
        Assert.Null(RoutingPolicy.AdviserFirst(ClientTier.Diamond, "adv", [Agent("a", 0)]));
    }
}
