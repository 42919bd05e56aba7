using System.Globalization;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.DemoData;

namespace Portal.UnitTests;

public sealed class DemoPeopleTests
{
    private static readonly IReadOnlyList<GeneratedInvestor> s_people = DemoPeople.Generate(300);

    [Fact]
    public void The_same_seed_gives_the_same_people()
    {
        Assert.Equal(s_people, DemoPeople.Generate(300));
    }

    [Fact]
    public void Three_hundred_people_with_unique_account_numbers_and_emails()
    {
        Assert.Equal(300, s_people.Count);
        Assert.Equal(300, s_people.Select(p => p.AccountNumber).Distinct().Count());
        Assert.Equal(300, s_people.Select(p => p.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Generated_account_numbers_have_their_own_8801_prefix()
    {
        for (var n = 1; n <= s_people.Count; n++)
        {
            Assert.Equal("8801" + n.ToString("D8", CultureInfo.InvariantCulture), s_people[n - 1].AccountNumber);
        }
    }

    [Fact]
    public void No_generated_investor_takes_a_demo_investors_account_number_or_email()
    {
        Assert.Empty(s_people.Select(p => p.AccountNumber).Intersect(DemoAccountsSeeder.Investors.Select(i => i.AccountNumber)));
        Assert.Empty(s_people.Select(p => p.Email).Intersect(DemoAccountsSeeder.Investors.Select(i => i.Email)));
    }

    [Fact]
    public void Id_numbers_have_a_valid_check_character_and_the_birthday()
    {
        foreach (var person in s_people)
        {
            Assert.Equal(18, person.IdNumber.Length);
            Assert.Equal(ExpectedCheckCharacter(person.IdNumber[..17]), person.IdNumber[17]);
            Assert.Equal(person.Birthday.ToString("yyyyMMdd", CultureInfo.InvariantCulture), person.IdNumber[6..14]);
        }
    }

    [Fact]
    public void The_demo_investors_id_numbers_are_valid_too()
    {
        foreach (var investor in DemoAccountsSeeder.Investors)
        {
            Assert.Equal(ExpectedCheckCharacter(investor.IdNumber[..17]), investor.IdNumber[17]);
        }
    }

    [Fact]
    public void Contact_details_are_plausible()
    {
        Assert.All(s_people, p =>
        {
            Assert.Matches(@"^1\d{10}$", p.Mobile);
            Assert.Matches(@"^[a-z.]+\d{3}@[a-z.]+$", p.Email);
            Assert.InRange(p.Name.Length, 2, 3);
            Assert.InRange(p.Birthday.Year, 1955, 2003);
        });
    }

    [Fact]
    public void Every_twentieth_is_diamond_and_three_in_twenty_are_gold()
    {
        Assert.Equal(15, s_people.Count(p => p.Tier == ClientTier.Diamond));
        Assert.Equal(45, s_people.Count(p => p.Tier == ClientTier.Gold));
        Assert.Equal(240, s_people.Count(p => p.Tier == ClientTier.Silver));
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    public void The_check_character_matches_known_examples(string body, char check)
    {
        Assert.Equal(check, ExpectedCheckCharacter(body));
        Assert.Equal(body + check, DemoPeople.IdNumber(body[..6], DateOnly.ParseExact(body[6..14], "yyyyMMdd", CultureInfo.InvariantCulture), int.Parse(body[14..], CultureInfo.InvariantCulture)));
    }

    /// <summary>ISO 7064 MOD 11-2 as GB 11643 defines it, written out independently of the code under test.</summary>
    private static char ExpectedCheckCharacter(string body)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = (1 << (17 - i)) % 11;
            sum += (body[i] - '0') * weight;
        }

        var check = (12 - (sum % 11)) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }
}
