using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>What a signed-in user sees instead of a page that belongs to another role.</summary>
public sealed class NoAccessPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this page", Level = 1 });
}
