using Silkgate.Identity.Audit;
using Silkgate.Identity.Contracts;
using Silkgate.Identity.Features.CreateUser;
using Silkgate.Identity.Features.SignIn;
using Silkgate.Identity.Users;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;

namespace Silkgate.Identity.Features;

/// <summary>The module's account facade for pages, endpoints and the command line.</summary>
internal sealed class AccountService(
    SignInHandler signIn,
    CreateUserHandler create,
    UserStore users,
    ActorFactory actors,
    IActorContext current,
    AuditTrail audit) : IAccountService
{
    public Task<SignInOutcome> SignInAsync(string username, string password, CancellationToken ct) =>
        signIn.HandleAsync(username, password, ct);

    public async Task<Result<Actor>> SignUpAsync(SignUpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Password, request.PasswordAgain, StringComparison.Ordinal))
        {
            var problems = CreateUserHandler.Validate(request.Username, request.DisplayName, request.Password);
            problems.Add(Problem.Invalid("passwordAgain", "password.mismatch", "The two passwords are not the same."));
            return Result<Actor>.Failure(problems);
        }

        var created = await create.CreateAsync(null, new CreateUserRequest(request.Username, request.DisplayName, request.Password, Role.Applicant), ct);
        if (!created.IsSuccess)
        {
            return Result<Actor>.Failure(created.Errors);
        }

        var actor = await actors.ForAsync(created.Value!, ct);
        await audit.RecordAsync(new AuditEntry("identity.sign-up", $"user:{actor.UserId}", AuditOutcome.Succeeded), actor, ct);
        return actor;
    }

    public async Task<Actor?> ComputeActorAsync(long userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId, ct);
        return user is null ? null : await actors.ForAsync(user, ct);
    }

    public async Task<Result<UserSummary>> CreateUserAsync(CreateUserRequest request, CancellationToken ct)
    {
        var created = await create.CreateAsync(current.Current, request, ct);
        return created.IsSuccess ? created.Value!.ToSummary() : Result<UserSummary>.Failure(created.Errors);
    }

    public async Task<Result<IReadOnlyList<UserSummary>>> ListGovernmentUsersAsync(CancellationToken ct)
    {
        if (current.Current?.Role != Role.ProvinceAdmin)
        {
            return Problem.Forbidden("Only a province administrator lists government accounts.");
        }

        var list = await users.ListGovernmentAsync(ct);
        return Result<IReadOnlyList<UserSummary>>.Success(list.Select(u => u.ToSummary()).ToList());
    }
}
