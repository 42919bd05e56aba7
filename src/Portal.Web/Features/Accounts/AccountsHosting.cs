using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Web.Data;
using Portal.Web.Features.Accounts.DemoData;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.Accounts;

public static class AccountsHosting
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();

        services.AddIdentityCore<PortalUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.Cookie.Name = "portal.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // A signed-in user without the role gets a plain 403 (rendered by the status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                var audit = context.HttpContext.RequestServices.GetRequiredService<AuditTrail>();
                await audit.RecordAsync(context.HttpContext.GetActor(), AuditActions.AccessDenied,
                    AccountAudit.PageSubject(context.Request.Path), cancellationToken: context.HttpContext.RequestAborted);
            };
        });

        services.AddScoped<SecurityStampValidator<PortalUser>>();
        services.Replace(ServiceDescriptor.Singleton<ISecurityStampValidator, DeferredSecurityStampValidator>());
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<IEmailSender<PortalUser>, IdentityEmailSender>();
        services.AddOptions<ActivationOptions>().BindConfiguration(ActivationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ActivationThrottle>();
        services.AddScoped<ActivationService>();
        services.AddScoped<AccountAudit>();
        services.AddSingleton<RoleAssignments>();
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<InvestorDirectory>();
        services.AddHttpContextAccessor();
        services.AddScoped<ClientAddress>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<CircuitHandler, ClientAddressCircuitHandler>();
        services.AddScoped<IDemoDataSeeder, DemoAccountsSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        // Only the portal's own sign-out form (it carries the antiforgery token) signs a user out, not another site's post.
        endpoints.MapPost("/Account/Logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<PortalUser> signInManager, AuditTrail audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var actor = context.GetActor();
            await signInManager.SignOutAsync();
            if (actor.UserId is { } userId)
            {
                await audit.RecordAsync(actor, AuditActions.SignOut, AccountAudit.UserSubject(userId), cancellationToken: context.RequestAborted);
            }

            return Results.LocalRedirect("~/");
        });
        return endpoints;
    }
}
