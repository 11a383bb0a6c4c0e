global using Silkgate.Sandbox.Tests.Support;
global using Silkgate.Ceb.Tests.Signing;
global using Silkgate.Ceb.Tests.Support;
