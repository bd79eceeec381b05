using Microsoft.AspNetCore.Mvc;

namespace TwoFactorDemo.Web.Methods;

public static class NewRecoveryCodesExtensions
{
    /// <summary>The page that shows freshly made recovery codes once, whichever set-up page made them.</summary>
    public static ViewResult NewRecoveryCodes(this Controller controller, IReadOnlyList<string> codes) =>
        controller.View("~/Views/Shared/NewRecoveryCodes.cshtml", new NewRecoveryCodesViewModel(codes));
}
