FROM php:8.3-cli-bookworm   
  
# queue worker for the billing service    
RUN apt-get update \
    && apt-get install -y --no-install-recommends libzip-dev unzip \  
    && docker-php-ext-install zip pcntl sockets \	
    && rm -rf /var/lib/apt/lists/*   
 
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer    
WORKDIR /app	
COPY composer.json composer.lock ./ 
RUN composer install --no-dev --no-interaction --prefer-dist --no-progress   
COPY . .  
ENV APP_ENV=production QUEUE_CONNECTION=redis		
ENV WORKER_SLEEP 3   
USER www-data    
STOPSIGNAL SIGTERM 
CMD ["php", "artisan", "queue:work", "--sleep=3", "--tries=3", "--max-time=3600"]     

    

	

