using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>"/" for visitors: the public landing page.</summary>
public sealed class LandingPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Your investments, our service, one place", Level = 1 });
}
