using Integrify.Simulator.Hosting;

return await StandaloneHost.RunAsync(args);
