using Portal.Web.Features.Content;
using Portal.Web.Features.Content.Reading;

namespace Portal.ComponentTests.Content;

/// <summary>/faq: each question is a real button (named by the question, saying whether it is open) that opens its answer.</summary>
public sealed class FaqPageTests() : ContentPageTest(
    (ContentKind.Faq, "how-redemption-works", "How redemption works", "Redemption pays out in two days."))
{
    [Fact]
    public void A_question_is_a_button_named_by_the_question_that_opens_its_answer()
    {
        var page = Render<FaqPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("button[aria-expanded]")));
        var question = page.Find("button[aria-expanded]");
        Assert.Equal("How redemption works", question.TextContent.Trim());
        Assert.Equal("false", question.GetAttribute("aria-expanded"));

        question.Click();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("true", page.Find("button[aria-expanded]").GetAttribute("aria-expanded"));
            var answer = page.Find($"#{page.Find("button[aria-expanded]").GetAttribute("aria-controls")}");
            Assert.Contains("Redemption pays out in two days.", answer.TextContent, StringComparison.Ordinal);
        });
    }
}
