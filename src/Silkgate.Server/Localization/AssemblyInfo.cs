using System.Resources;

// Chinese is the portal's first language: the neutral resources are Chinese, English is a satellite.
[assembly: NeutralResourcesLanguage("zh-CN")]
