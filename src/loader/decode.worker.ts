self.postMessage('hi');
