using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

/// <summary>
/// The public reading pages come alive for every reader: the FAQ opens an answer when its question is clicked, and
/// search finds and opens an answer. (Their prerendered state once outgrew the circuit's first message, and the page
/// stayed dead for anonymous visitors and investors alike.)
/// </summary>
public sealed class ReadingTests(PortalAppFixture app) : BrowserTest(app)
{
    private const string Question = "When does redemption money arrive?";

    public static TheoryData<string> Readers => new() { "anonymous", DemoAccounts.SilverInvestor };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_faq_question_is_a_button_that_opens_its_answer(string reader)
    {
        await SignInUnlessAnonymousAsync(reader);
        var faq = await new FaqPage(Page).OpenAsync();
        var question = faq.Question(Question);
        await Expect(question).ToHaveAttributeAsync("aria-expanded", "false");

        await question.ClickAsync();

        await Expect(question).ToHaveAttributeAsync("aria-expanded", "true");
        var answer = await faq.AnswerAsync(Question);
        await Expect(answer).ToContainTextAsync("T+1");
        await Expect(answer.GetByRole(AriaRole.Link, new() { Name = "Link to this answer" })).ToHaveAttributeAsync("href", "/faq/when-does-redemption-money-arrive");

        await question.ClickAsync();
        await Expect(question).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(answer).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_faq_page_answered_from_the_servers_page_cache_comes_alive_too()
    {
        var earlier = await OpenAnotherBrowserAsync();
        await new FaqPage(earlier).OpenAsync();

        var response = await Page.GotoAsync(FaqPage.Path);

        Assert.NotNull(await response!.HeaderValueAsync("age"));
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        var question = new FaqPage(Page).Question(Question);
        await question.ClickAsync();
        await Expect(question).ToHaveAttributeAsync("aria-expanded", "true");
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Search_finds_an_answer_and_opens_it(string reader)
    {
        await SignInUnlessAnonymousAsync(reader);
        // A prerendered page of results (from the app bar's box, or a shared link) must come alive too.
        await Page.GotoAsync(SearchPage.Path + "?q=fund");
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        var search = new SearchPage(Page);
        await Expect(search.ResultCount).ToContainTextAsync("results for “fund”");

        await search.PageBox.FillAsync("redemption");
        await search.PageBox.PressAsync("Enter");

        await Expect(search.ResultCount).ToContainTextAsync("results for “redemption”");
        await search.Result(Question).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(App.BaseAddress, "/faq/when-does-redemption-money-arrive").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Question);
    }

    private async Task SignInUnlessAnonymousAsync(string reader)
    {
        if (reader != "anonymous")
        {
            await SignInAsync(reader);
        }
    }
}
