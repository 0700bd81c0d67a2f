// A short address (/p/16.4.2/#p-16-4-2-i3) keeps its fragment: the meta refresh beside it drops it and stays the fallback.
location.replace(document.currentScript.dataset.target + location.hash);
