using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Cases.Ui;

/// <summary>Who works the ticket desk and the call records: agents, specialists and supervisors.</summary>
public static class CaseDeskRoles
{
    public const string Desk = Roles.Agent + "," + Roles.Specialist + "," + Roles.Supervisor;
}
